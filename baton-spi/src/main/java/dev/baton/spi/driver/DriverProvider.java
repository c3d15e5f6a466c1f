package dev.baton.spi.driver;

import java.util.Map;

/** Creates drivers of one kind ({@code host}, {@code container}, …) from configuration. */
public interface DriverProvider {
    String kind();

    Driver create(Map<String, String> settings);
}
