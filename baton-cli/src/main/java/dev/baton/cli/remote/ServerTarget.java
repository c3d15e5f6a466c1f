package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server remote commands talk to and the token they send. Each of the two is taken from the first place that
 * sets it: the command-line flag, then the environment ({@code BATON_SERVER}, {@code BATON_TOKEN}), then
 * {@code $BATON_HOME/config.yaml} ({@code server:}, {@code token:}).
 */
public record ServerTarget(URI server, String token) {
    /** The keys {@code config.yaml} may hold. */
    static final Set<String> CONFIG_KEYS = Set.of("server", "token");

    public ServerTarget {
        String scheme = server.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || server.getHost() == null) {
            throw new RemoteFailure("the server must be an http:// or https:// URL such as http://127.0.0.1:2746, "
                    + "not '" + server + "'", 2);
        }
    }

    /** The server's address without a trailing slash, for messages and request paths. */
    public String base() {
        String text = server.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return base();
    }

    /** The target set by flags, environment or configuration file; empty when no server is set anywhere. */
    public static Optional<ServerTarget> resolve(String serverFlag, String tokenFlag, Map<String, String> env,
                                                 Path home) {
        Map<String, String> file = Map.of();
        Path config = home.resolve("config.yaml");
        if (Files.exists(config)) {
            file = readConfig(config);
        }
        String server = first(serverFlag, env.get("BATON_SERVER"), file.get("server"));
        if (server == null) {
            return Optional.empty();
        }
        String token = first(tokenFlag, env.get("BATON_TOKEN"), file.get("token"));
        URI uri;
        try {
            uri = URI.create(server.trim());
        } catch (IllegalArgumentException e) {
            throw new RemoteFailure("the server '" + server + "' is not a URL: " + e.getMessage(), 2);
        }
        return Optional.of(new ServerTarget(uri, token == null ? null : token.trim()));
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Map<String, String> readConfig(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new RemoteFailure(file + ": cannot read the configuration: " + e.getMessage(), 2);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new RemoteFailure(file + ": the document must be a mapping with server: and token:", 2);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!CONFIG_KEYS.contains(key)) {
                throw new RemoteFailure(file + ": unknown key '" + key + "'; known: "
                        + CONFIG_KEYS.stream().sorted().toList(), 2);
            }
            if (!root.get(key).isValueNode()) {
                throw new RemoteFailure(file + ": " + key + " must be a text value", 2);
            }
        }
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        root.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
