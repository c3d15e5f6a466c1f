package dev.baton.driver.process;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

class BubblewrapConfinementTest extends StepConfinementTests {
    @Override
    Map<String, String> launcherSettings() {
        return Map.of(HostDriverSettings.ISOLATION, "bwrap");
    }

    @Override
    String privateRootOutput() {
        return overlaysHostDirectories() ? super.privateRootOutput() : "/baton-out/result";
    }

    @Override
    boolean overlaysHostDirectories() {
        try {
            return ExecutableSearch.ofHost().find("bwrap").map(bwrap -> {
                try {
                    return BubblewrapLauncher.supportsOverlays(bwrap);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }).orElse(false);
        } catch (RuntimeException e) {
            Assumptions.abort(e.getMessage());
            return false;
        }
    }
}
