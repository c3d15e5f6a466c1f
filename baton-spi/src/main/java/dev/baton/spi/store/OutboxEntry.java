package dev.baton.spi.store;

import java.util.Objects;

/**
 * An effect committed with the state change that decided it and executed after the commit.
 *
 * @param id assigned by the store (positive, increasing); ignored in {@link RunProgress#newOutbox()}
 */
public record OutboxEntry(long id, String runUid, String kind, String payloadJson) {

    public OutboxEntry {
        Objects.requireNonNull(runUid, "runUid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }

    /** An entry not yet stored. */
    public static OutboxEntry of(String runUid, String kind, String payloadJson) {
        return new OutboxEntry(0, runUid, kind, payloadJson);
    }
}
