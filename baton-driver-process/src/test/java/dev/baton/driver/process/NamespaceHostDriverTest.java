package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NamespaceHostDriverTest extends SandboxedHostDriverTests {
    @Override
    HostDriver createDriver() {
        return NamespaceDrivers.create();
    }

    @Override
    Isolation expectedIsolation() {
        return Isolation.NAMESPACE;
    }

    @Test
    void forksStepsFromTheForkServerWherePython3IsInstalled() {
        Assumptions.assumeTrue(ExecutableSearch.ofHost().has("python3"), "python3 is not installed");
        try (HostDriver driver = NamespaceDrivers.create()) {
            assertThat(driver.forksSteps()).isTrue();
        }
    }
}
