package dev.baton.driver.process;

class NamespaceHostDriverTest extends SandboxedHostDriverTests {
    @Override
    HostDriver createDriver() {
        return NamespaceDrivers.create();
    }

    @Override
    Isolation expectedIsolation() {
        return Isolation.NAMESPACE;
    }
}
