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
