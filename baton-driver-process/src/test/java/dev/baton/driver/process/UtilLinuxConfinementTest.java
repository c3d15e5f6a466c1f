package dev.baton.driver.process;

import java.util.Map;

class UtilLinuxConfinementTest extends StepConfinementTests {
    @Override
    Map<String, String> launcherSettings() {
        return Map.of(HostDriverSettings.FORK_SERVER, "false");
    }
}
