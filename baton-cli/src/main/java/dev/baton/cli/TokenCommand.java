package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;
import dev.baton.server.auth.ApiTokens;
import dev.baton.server.auth.Role;
import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code baton token}: API tokens of the server, kept in its store. */
@Command(name = "token", description = "Manages the server's API tokens.",
        subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
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

        @Option(names = "--name", paramLabel = "NAME", description = "A name for the token (default: generated).")
        String name;

        @Override
        public Integer call() {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                System.err.println("baton: --" + e.getMessage());
                return Baton.EXIT_INVALID;
            }
            String tokenName = name != null ? name : "token-" + UUID.randomUUID().toString().substring(0, 8);
            try (Store store = StoreAccess.open(BatonHome.resolve())) {
                ApiTokens.Issued issued = ApiTokens.create(store, tokenName, namespace, parsed, Instant.now());
                System.err.println("token '" + tokenName + "' (" + parsed.label() + " in namespace " + namespace
                        + "); keep it now, it is stored only as a digest:");
                System.out.println(issued.token());
                return 0;
            } catch (ConflictException e) {
                System.err.println("baton: a token named '" + tokenName + "' already exists");
                return 1;
            }
        }
    }
}
