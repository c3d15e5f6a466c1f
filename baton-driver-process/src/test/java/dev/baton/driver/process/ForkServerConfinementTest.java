package dev.baton.driver.process;

import java.util.Map;

class ForkServerConfinementTest extends StepConfinementTests {
    @Override
    Map<String, String> launcherSettings() {
        return Map.of(HostDriverSettings.FORK_SERVER, "true");
    }
}
