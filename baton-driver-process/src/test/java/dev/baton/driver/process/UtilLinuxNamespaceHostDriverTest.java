package dev.baton.driver.process;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** The namespace guarantees when steps are started through util-linux, as on hosts without python3. */
class UtilLinuxNamespaceHostDriverTest extends SandboxedHostDriverTests {
    @Override
    HostDriver createDriver() {
        try {
            return new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION, "namespace",
                    HostDriverSettings.KILL_GRACE, "1s", HostDriverSettings.FORK_SERVER, "false")));
        } catch (IllegalStateException e) {
            Assumptions.abort("mount namespaces unavailable: " + e.getMessage());
            throw e;
        }
    }

    @Override
    Isolation expectedIsolation() {
        return Isolation.NAMESPACE;
    }
}
