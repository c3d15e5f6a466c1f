package dev.baton.driver.process;

import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.DriverProvider;
import java.util.Map;

/** Creates {@link HostDriver}s (kind {@code host}); settings are described in {@link HostDriverSettings}. */
public final class HostDriverProvider implements DriverProvider {
    public static final String KIND = "host";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Driver create(Map<String, String> settings) {
        return new HostDriver(HostDriverSettings.from(settings));
    }
}
