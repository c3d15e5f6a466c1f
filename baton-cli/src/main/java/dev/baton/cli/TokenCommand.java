package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;
import dev.baton.server.auth.ApiTokens;
import dev.baton.server.auth.Role;
import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TokenRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code baton token}: API tokens of the server, kept in its store. */
@Command(name = "token", description = "Manages the server's API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    /** Token names: letters, digits, '.', '_' and '-', starting and ending with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** {@code baton token create}: makes a token and prints it once, as the last line of standard output. */
    @Command(name = "create", description = "Creates a token and prints it (it cannot be shown again).")
    static final class Create implements Callable<Integer> {
        @Option(names = {"-n", "--namespace"}, required = true, converter = NamespaceArgument.OrEvery.class,
                paramLabel = "NS",
                description = "The namespace the token may act in, or '*' for every namespace.")
        String namespace;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, editor or admin.")
        String role;

        @Option(names = "--name", paramLabel = "NAME",
                description = "A unique name for the token (default: generated).")
        String name;

        @Option(names = "--expires-in", paramLabel = "DURATION",
                description = "Stop accepting the token after this long: 45m, 12h, 30d (default: never expires).")
        String expiresIn;

        @Override
        public Integer call() {
            Role parsed;
            TokenLifetime lifetime;
            try {
                parsed = Role.parse(role);
                lifetime = expiresIn == null ? null : TokenLifetime.parse(expiresIn);
            } catch (IllegalArgumentException e) {
                System.err.println("baton: " + (e.getMessage().startsWith("--") ? "" : "--") + e.getMessage());
                return Baton.EXIT_INVALID;
            }
            if (name != null && !NAME.matcher(name).matches()) {
                System.err.println("baton: --name must be 1 to 63 letters, digits, '.', '_' or '-', starting and"
                        + " ending with a letter or digit");
                return Baton.EXIT_INVALID;
            }
            String tokenName = name != null ? name : "token-" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant expiresAt = lifetime == null ? null : now.plus(lifetime.duration());
            try (Store store = StoreAccess.open(BatonHome.resolve())) {
                ApiTokens.Issued issued = ApiTokens.create(store, tokenName, namespace, parsed, now, expiresAt);
                System.err.println("token '" + tokenName + "' (" + parsed.label() + " in namespace " + namespace
                        + (expiresAt == null ? ", does not expire" : ", expires " + expiresAt)
                        + "); keep it now, it is stored only as a digest:");
                System.out.println(issued.token());
                return 0;
            } catch (ConflictException e) {
                System.err.println("baton: a token named '" + tokenName + "' already exists (names stay taken after"
                        + " a token is revoked); choose another --name");
                return 1;
            }
        }
    }

    /** {@code baton token list}: every token with its standing; never a token or its digest. */
    @Command(name = "list", description = "Lists the tokens: name, namespace, role, status, created, expires,"
            + " last used.")
    static final class ListTokens implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml instead of a table.")
        String output;

        @Override
        public Integer call() throws Exception {
            if (!Output.valid(output)) {
                return Baton.EXIT_INVALID;
            }
            Instant now = Instant.now();
            try (Store store = StoreAccess.open(BatonHome.resolve())) {
                List<TokenRecord> tokens = store.tokens().list();
                if (output != null) {
                    List<Object> items = new ArrayList<>();
                    for (TokenRecord t : tokens) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("name", t.name());
                        item.put("namespace", t.namespace());
                        item.put("role", t.role());
                        item.put("status", t.standingAt(now).label());
                        item.put("created", text(t.createdAt()));
                        item.put("expires", text(t.expiresAt()));
                        item.put("lastUsed", text(t.lastUsedAt()));
                        item.put("revoked", text(t.revokedAt()));
                        items.add(item);
                    }
                    Output.print(output, Map.of("items", items));
                    return 0;
                }
                String row = "%-24s %-16s %-7s %-8s %-20s %-20s %s%n";
                System.out.printf(row, "NAME", "NAMESPACE", "ROLE", "STATUS", "CREATED", "EXPIRES", "LAST USED");
                for (TokenRecord t : tokens) {
                    System.out.printf(row, t.name(), t.namespace(), t.role(), t.standingAt(now).label(),
                            column(t.createdAt(), "-"), column(t.expiresAt(), "never"), column(t.lastUsedAt(), "never"));
                }
                return 0;
            }
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }

        private static String column(Instant at, String absent) {
            return at == null ? absent : at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                    .replace("Z", "");
        }
    }

    /** {@code baton token revoke NAME}: refused from the next request on, also by a running server. */
    @Command(name = "revoke", description = "Revokes a token; servers refuse it from the next request on.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The token's name (see baton token list).")
        String name;

        @Override
        public Integer call() {
            try (Store store = StoreAccess.open(BatonHome.resolve())) {
                if (store.tokens().revoke(name, Instant.now())) {
                    System.err.println("token '" + name + "' revoked; servers refuse it from the next request on");
                    return 0;
                }
                boolean known = store.tokens().list().stream().anyMatch(t -> t.name().equals(name));
                if (known) {
                    System.err.println("token '" + name + "' was revoked already");
                    return 0;
                }
                System.err.println("baton: no token named '" + name + "' (see baton token list)");
                return 1;
            }
        }
    }
}
