package dev.baton.driver.process;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Creates a driver forced into namespace isolation, skipping the test visibly where the host refuses it. */
final class NamespaceDrivers {
    private NamespaceDrivers() {
    }

    static HostDriver create() {
        try {
            return new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION, "namespace",
                    HostDriverSettings.KILL_GRACE, "1s")));
        } catch (IllegalStateException e) {
            System.out.println("skipping namespace tests: " + e.getMessage());
            Assumptions.abort("mount namespaces unavailable: " + e.getMessage());
            throw e;
        }
    }
}
