package dev.baton.driver.process;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * {@code baton.host.fork-server}, else {@code true}; used only where python3 is installed);
 * {@code hidden-paths} = host directories, separated by {@code :}, that a sandboxed step sees as empty
 * and read-only (the composition roots pass {@code $BATON_HOME}; default none); {@code step-user} =
 * {@code UID[:GID]} or a user name that steps run as when Baton runs as root (default: the system
 * property {@code baton.host.step-user}, else {@code nobody}); {@code insecure-steps} = {@code true|false}:
 * whether steps may run unisolated, as Baton's own user, where the host allows no sandbox (default
 * {@code false}: such steps end in error).
 */
public record HostDriverSettings(Requested isolation, Duration killGrace, boolean forkServer, List<Path> hiddenPaths,
                                 StepUser stepUser, boolean insecureSteps) {

    public static final String ISOLATION = "isolation";
    public static final String KILL_GRACE = "kill-grace";
    public static final String ISOLATION_PROPERTY = "baton.host.isolation";
    public static final String FORK_SERVER = "fork-server";
    public static final String FORK_SERVER_PROPERTY = "baton.host.fork-server";
    public static final String HIDDEN_PATHS = "hidden-paths";
    public static final String STEP_USER = "step-user";
    public static final String STEP_USER_PROPERTY = "baton.host.step-user";
    public static final String INSECURE_STEPS = "insecure-steps";

    public HostDriverSettings {
        hiddenPaths = List.copyOf(hiddenPaths);
    }

    /** The isolation a user asked for; {@code AUTO} picks the best one the host allows. */
    public enum Requested { AUTO, NAMESPACE, BWRAP, NONE }

    public static HostDriverSettings defaults() {
        return from(Map.of());
    }

    public static HostDriverSettings from(Map<String, String> settings) {
        String isolation = settings.getOrDefault(ISOLATION, System.getProperty(ISOLATION_PROPERTY, "auto"));
        String grace = settings.getOrDefault(KILL_GRACE, "2s");
        String forkServer = settings.getOrDefault(FORK_SERVER, System.getProperty(FORK_SERVER_PROPERTY, "true"));
        String hidden = settings.getOrDefault(HIDDEN_PATHS, "");
        String user = settings.getOrDefault(STEP_USER, System.getProperty(STEP_USER_PROPERTY, StepUser.DEFAULT));
        String insecure = settings.getOrDefault(INSECURE_STEPS, "false");
        return new HostDriverSettings(parseIsolation(isolation), parseDuration(KILL_GRACE, grace),
                parseBoolean(FORK_SERVER, forkServer), parsePaths(hidden), StepUser.parse(user, Path.of("/etc/passwd")),
                parseBoolean(INSECURE_STEPS, insecure));
    }

    public HostDriverSettings withIsolation(Requested requested) {
        return new HostDriverSettings(requested, killGrace, forkServer, hiddenPaths, stepUser, insecureSteps);
    }

    private static List<Path> parsePaths(String value) {
        return Arrays.stream(value.split(File.pathSeparator)).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> {
                    Path path = Path.of(p);
                    if (!path.isAbsolute()) {
                        throw new IllegalArgumentException(HIDDEN_PATHS + "=" + value + ": " + p + " is not absolute");
                    }
                    return path;
                }).toList();
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
