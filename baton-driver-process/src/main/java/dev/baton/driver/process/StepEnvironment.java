package dev.baton.driver.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment of a host step: a few variables inherited from the driver, then the launch's own. */
final class StepEnvironment {
    /** TMPDIR is deliberately not inherited: inside the step's view {@code /tmp} is its own. */
    static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "TZ", "USER");

    private StepEnvironment() {
    }

    /**
     * What every step of one driver inherits, worked out once: {@code PATH} without the directories the step's
     * user cannot enter (a shell would fail on them), and {@code HOME} the step's own {@code /tmp} when the step
     * runs as another user than Baton.
     */
    static Map<String, String> inherited(Map<String, String> host, Confinement confinement) {
        Map<String, String> env = of(host, Map.of());
        env.computeIfPresent("PATH", (name, value) -> confinement.reachableSearchPath(value));
        if (confinement.switchesUser() && env.containsKey("HOME")) {
            env.put("HOME", "/tmp");
        }
        return Map.copyOf(env);
    }

    static Map<String, String> of(Map<String, String> host, Map<String, String> launch) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : INHERITED) {
            String value = host.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(launch);
        return env;
    }
}
