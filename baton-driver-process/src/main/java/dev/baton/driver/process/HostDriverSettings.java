package dev.baton.driver.process;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The host driver's configuration, read once from provider settings.
 *
 * <p>Keys: {@code isolation} = {@code auto|namespace|bwrap|none} (default: the system property
 * {@code baton.host.isolation}, else {@code auto}); {@code kill-grace} = how long a step may take to
 * exit after SIGTERM before it gets SIGKILL, e.g. {@code 2s}, {@code 500ms} (default {@code 2s});
 * {@code fork-server} = {@code true|false}: whether namespaced steps are forked by one python3
 * server per driver instead of started through util-linux one by one (default: the system property
 * {@code baton.host.fork-server}, else {@code true}; used only where python3 is installed).
 */
public record HostDriverSettings(Requested isolation, Duration killGrace, boolean forkServer) {

    public static final String ISOLATION = "isolation";
    public static final String KILL_GRACE = "kill-grace";
    public static final String ISOLATION_PROPERTY = "baton.host.isolation";
    public static final String FORK_SERVER = "fork-server";
    public static final String FORK_SERVER_PROPERTY = "baton.host.fork-server";

    /** The isolation a user asked for; {@code AUTO} picks the best one the host allows. */
    public enum Requested { AUTO, NAMESPACE, BWRAP, NONE }

    public static HostDriverSettings defaults() {
        return from(Map.of());
    }

    public static HostDriverSettings from(Map<String, String> settings) {
        String isolation = settings.getOrDefault(ISOLATION, System.getProperty(ISOLATION_PROPERTY, "auto"));
        String grace = settings.getOrDefault(KILL_GRACE, "2s");
        String forkServer = settings.getOrDefault(FORK_SERVER, System.getProperty(FORK_SERVER_PROPERTY, "true"));
        return new HostDriverSettings(parseIsolation(isolation), parseDuration(KILL_GRACE, grace),
                parseBoolean(FORK_SERVER, forkServer));
    }

    public HostDriverSettings withIsolation(Requested requested) {
        return new HostDriverSettings(requested, killGrace, forkServer);
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + " is not true or false");
        };
    }

    private static Requested parseIsolation(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> Requested.AUTO;
            case "namespace", "ns" -> Requested.NAMESPACE;
            case "bwrap", "bubblewrap" -> Requested.BWRAP;
            case "none" -> Requested.NONE;
            default -> throw new IllegalArgumentException(
                    ISOLATION + "=" + value + " is not one of auto, namespace, bwrap, none");
        };
    }

    private static Duration parseDuration(String key, String value) {
        String v = value.trim();
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a duration such as 2s or 500ms", e);
        }
    }
}
