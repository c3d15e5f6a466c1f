package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the server is set up, fixed once it starts: where it listens, whether it asks for tokens, its limits and
 * its store. Read from a YAML file, then overridden by {@code BATON_SERVER_*} variables, then by command options.
 *
 * @param address             the address to listen on
 * @param port                the port (0: any free port)
 * @param authRequired        whether every API request needs a bearer token
 * @param insecureNoAuth      allows listening on a non-loopback address without tokens
 * @param maxRunningWorkflows how many workflows execute at once; the rest wait in Pending
 * @param maxRequestBytes     larger request bodies are refused with 413
 * @param requestTimeout      a connection idle this long is closed (streams send keep-alives)
 * @param storeUrl            a PostgreSQL JDBC URL, or null for SQLite under the Baton home
 * @param cronTick            how often cron workflows are checked for a due run; {@link Duration#ZERO}: cron
 *                            workflows are kept but never start a run
 * @param allowedHosts        without authentication, the host names (besides loopback and the listening
 *                            address) that requests may name in {@code Host} and {@code Origin}
 * @param insecureSteps       lets steps run unisolated, as the server's own user, where the host allows no
 *                            sandbox; otherwise such steps end in error
 */
public record ServerConfig(String address, int port, boolean authRequired, boolean insecureNoAuth,
                           int maxRunningWorkflows, long maxRequestBytes, Duration requestTimeout, String storeUrl,
                           Duration cronTick, List<String> allowedHosts, boolean insecureSteps) {
    private static final Set<String> TOP_KEYS = Set.of("address", "port", "auth", "limits", "store", "cron",
            "steps");
    private static final Set<String> STEPS_KEYS = Set.of("insecure");
    private static final Set<String> CRON_KEYS = Set.of("enabled", "tickSeconds");
    private static final Set<String> AUTH_KEYS = Set.of("mode", "insecureNoAuth", "allowedHosts");
    private static final Set<String> LIMIT_KEYS = Set.of("maxRunningWorkflows", "maxRequestBytes",
            "requestTimeoutSeconds");
    private static final Set<String> STORE_KEYS = Set.of("url");

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be between 0 and 65535, was " + port);
        }
        if (maxRunningWorkflows < 1) {
            throw new ConfigException("limits.maxRunningWorkflows must be at least 1, was " + maxRunningWorkflows);
        }
        if (maxRequestBytes < 1024) {
            throw new ConfigException("limits.maxRequestBytes must be at least 1024, was " + maxRequestBytes);
        }
        if (cronTick == null || cronTick.isNegative()) {
            throw new ConfigException("cron.tickSeconds must be at least 1, was " + cronTick);
        }
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        for (String host : allowedHosts) {
            if (host.isBlank() || host.contains("/") || host.contains("@")
                    || host.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException("auth.allowedHosts: '" + host + "' is not a host name");
            }
        }
    }

    /** Whether the server starts cron workflows' runs on schedule. */
    public boolean cronEnabled() {
        return !cronTick.isZero();
    }

    /**
     * Loopback, port 2746 (Argo Server's), tokens required, 8 workflows at once, 16 MiB bodies, 60 s idle, cron
     * workflows checked every second.
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 2746, true, false, 8, 16L << 20, Duration.ofSeconds(60), null,
                Duration.ofSeconds(1), List.of(), false);
    }

    /** The defaults, then the file (if any), then the environment. */
    public static ServerConfig load(Path file, Map<String, String> env) {
        ServerConfig config = defaults();
        if (file != null) {
            config = config.withFile(file);
        }
        return config.withEnvironment(env);
    }

    /** Refuses to serve an API without tokens to other machines unless told explicitly. */
    public void checkExposure() {
        if (!authRequired && !insecureNoAuth && !loopback(address)) {
            throw new ConfigException("refusing to listen on " + address + " without authentication: set "
                    + "auth.mode: token, or say --insecure-no-auth (auth.insecureNoAuth: true) to allow it");
        }
    }

    public ServerConfig withAddress(String value) {
        return new ServerConfig(value, port, authRequired, insecureNoAuth, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, storeUrl, cronTick, allowedHosts, insecureSteps);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(address, value, authRequired, insecureNoAuth, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, storeUrl, cronTick, allowedHosts, insecureSteps);
    }

    public ServerConfig withAuth(boolean required, boolean insecure) {
        return new ServerConfig(address, port, required, insecure, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, storeUrl, cronTick, allowedHosts, insecureSteps);
    }

    public ServerConfig withLimits(int running, long requestBytes, Duration timeout) {
        return new ServerConfig(address, port, authRequired, insecureNoAuth, running, requestBytes, timeout,
                storeUrl, cronTick, allowedHosts, insecureSteps);
    }

    public ServerConfig withStoreUrl(String value) {
        return new ServerConfig(address, port, authRequired, insecureNoAuth, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, value, cronTick, allowedHosts, insecureSteps);
    }

    /** Checks cron workflows every {@code tick}; {@link Duration#ZERO} turns scheduling off. */
    public ServerConfig withCronTick(Duration tick) {
        return new ServerConfig(address, port, authRequired, insecureNoAuth, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, storeUrl, tick, allowedHosts, insecureSteps);
    }

    /** Without authentication, also answers requests naming these hosts (e.g. a reverse proxy's name). */
    public ServerConfig withAllowedHosts(List<String> hosts) {
        return new ServerConfig(address, port, authRequired, insecureNoAuth, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, storeUrl, cronTick, hosts, insecureSteps);
    }

    /** Lets steps run unisolated where the host allows no sandbox ({@code --insecure-steps}). */
    public ServerConfig withInsecureSteps(boolean value) {
        return new ServerConfig(address, port, authRequired, insecureNoAuth, maxRunningWorkflows, maxRequestBytes,
                requestTimeout, storeUrl, cronTick, allowedHosts, value);
    }

    private ServerConfig withFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return this;
        }
        String where = file.toString();
        checkKeys(where, "", root, TOP_KEYS);
        ServerConfig c = this;
        if (root.has("address")) {
            c = c.withAddress(root.get("address").asText());
        }
        if (root.has("port")) {
            c = c.withPort(integer(where, "port", root.get("port")));
        }
        JsonNode auth = root.path("auth");
        if (!auth.isMissingNode()) {
            checkKeys(where, "auth.", auth, AUTH_KEYS);
            boolean required = !auth.has("mode") ? c.authRequired : authMode(where + ": auth.mode",
                    auth.get("mode").asText());
            c = c.withAuth(required, auth.path("insecureNoAuth").asBoolean(c.insecureNoAuth));
            if (auth.has("allowedHosts")) {
                JsonNode hosts = auth.get("allowedHosts");
                if (!hosts.isArray()) {
                    throw new ConfigException(where + ": auth.allowedHosts must be a list of host names");
                }
                List<String> names = new ArrayList<>();
                hosts.forEach(h -> names.add(h.asText()));
                c = c.withAllowedHosts(names);
            }
        }
        JsonNode limits = root.path("limits");
        if (!limits.isMissingNode()) {
            checkKeys(where, "limits.", limits, LIMIT_KEYS);
            c = c.withLimits(
                    limits.has("maxRunningWorkflows")
                            ? integer(where, "limits.maxRunningWorkflows", limits.get("maxRunningWorkflows"))
                            : c.maxRunningWorkflows,
                    limits.has("maxRequestBytes")
                            ? integer(where, "limits.maxRequestBytes", limits.get("maxRequestBytes"))
                            : c.maxRequestBytes,
                    limits.has("requestTimeoutSeconds") ? Duration.ofSeconds(
                            integer(where, "limits.requestTimeoutSeconds", limits.get("requestTimeoutSeconds")))
                            : c.requestTimeout);
        }
        JsonNode store = root.path("store");
        if (!store.isMissingNode()) {
            checkKeys(where, "store.", store, STORE_KEYS);
            c = c.withStoreUrl(store.path("url").asText(null));
        }
        JsonNode cron = root.path("cron");
        if (!cron.isMissingNode()) {
            checkKeys(where, "cron.", cron, CRON_KEYS);
            if (cron.has("enabled") && !cron.get("enabled").isBoolean()) {
                throw new ConfigException(where + ": cron.enabled must be true or false, not '"
                        + cron.get("enabled").asText() + "'");
            }
            Duration tick = cron.has("tickSeconds") ? Duration.ofSeconds(positive(where, "cron.tickSeconds",
                    cron.get("tickSeconds"))) : c.cronEnabled() ? c.cronTick : Duration.ofSeconds(1);
            c = c.withCronTick(cron.path("enabled").asBoolean(true) ? tick : Duration.ZERO);
        }
        JsonNode steps = root.path("steps");
        if (!steps.isMissingNode()) {
            checkKeys(where, "steps.", steps, STEPS_KEYS);
            if (steps.has("insecure") && !steps.get("insecure").isBoolean()) {
                throw new ConfigException(where + ": steps.insecure must be true or false, not '"
                        + steps.get("insecure").asText() + "'");
            }
            c = c.withInsecureSteps(steps.path("insecure").asBoolean(c.insecureSteps));
        }
        return c;
    }

    private ServerConfig withEnvironment(Map<String, String> env) {
        ServerConfig c = this;
        if (present(env, "BATON_SERVER_ADDRESS")) {
            c = c.withAddress(env.get("BATON_SERVER_ADDRESS"));
        }
        if (present(env, "BATON_SERVER_PORT")) {
            c = c.withPort(parseInt("BATON_SERVER_PORT", env.get("BATON_SERVER_PORT")));
        }
        if (present(env, "BATON_SERVER_AUTH")) {
            c = c.withAuth(authMode("BATON_SERVER_AUTH", env.get("BATON_SERVER_AUTH")), c.insecureNoAuth);
        }
        if (present(env, "BATON_SERVER_MAX_RUNNING")) {
            c = c.withLimits(parseInt("BATON_SERVER_MAX_RUNNING", env.get("BATON_SERVER_MAX_RUNNING")),
                    c.maxRequestBytes, c.requestTimeout);
        }
        if (present(env, "BATON_SERVER_ALLOWED_HOSTS")) {
            c = c.withAllowedHosts(Arrays.stream(env.get("BATON_SERVER_ALLOWED_HOSTS").split(","))
                    .map(String::trim).filter(h -> !h.isEmpty()).toList());
        }
        if (present(env, "BATON_STORE_URL")) {
            c = c.withStoreUrl(env.get("BATON_STORE_URL"));
        }
        return c;
    }

    private static boolean present(Map<String, String> env, String key) {
        return env.get(key) != null && !env.get(key).isBlank();
    }

    private static boolean authMode(String where, String mode) {
        return switch (mode) {
            case "token" -> true;
            case "none" -> false;
            default -> throw new ConfigException(where + " must be token or none, not '" + mode + "'");
        };
    }

    private static int parseInt(String where, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(where + " must be a whole number, not '" + text + "'");
        }
    }

    private static int integer(String file, String key, JsonNode value) {
        if (!value.canConvertToInt()) {
            throw new ConfigException(file + ": " + key + " must be a whole number, not '" + value.asText() + "'");
        }
        return value.asInt();
    }

    private static int positive(String file, String key, JsonNode value) {
        int n = integer(file, key, value);
        if (n < 1) {
            throw new ConfigException(file + ": " + key + " must be at least 1, was " + n);
        }
        return n;
    }

    private static void checkKeys(String file, String prefix, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            throw new ConfigException(file + ": " + (prefix.isEmpty() ? "the document" : prefix.substring(0,
                    prefix.length() - 1)) + " must be a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + prefix + key + "'; known: "
                        + known.stream().sorted().map(k -> prefix + k).toList());
            }
        }
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A configuration that cannot be used; the message names the key and what is wrong. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
