package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.DriverProvider;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HostDriverProviderTest {
    @Test
    void isFoundByServiceLoaderUnderKindHost() {
        assertThat(ServiceLoader.load(DriverProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.kind().equals("host")).findFirst()).get().isInstanceOf(HostDriverProvider.class);
    }

    @Test
    void createsADriverFromSettings() {
        try (Driver driver = new HostDriverProvider().create(Map.of("isolation", "none", "kill-grace", "250ms",
                "insecure-steps", "true"))) {
            assertThat(((HostDriver) driver).isolation()).isEqualTo(Isolation.NONE);
            assertThat(((HostDriver) driver).settings().killGrace()).isEqualTo(Duration.ofMillis(250));
            assertThat(((HostDriver) driver).settings().insecureSteps()).isTrue();
        }
    }

    @Test
    void rejectsUnknownIsolation() {
        assertThatThrownBy(() -> HostDriverSettings.from(Map.of("isolation", "docker")))
                .hasMessage("isolation=docker is not one of auto, namespace, bwrap, none");
    }
}
