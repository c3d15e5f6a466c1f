package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/** An event to append to a run's log; the store treats the payload as opaque text. */
public record NewEvent(String type, String payloadJson, Instant at) {

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(at, "at");
    }
}
