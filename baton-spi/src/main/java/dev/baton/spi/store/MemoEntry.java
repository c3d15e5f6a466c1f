package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/** A memoized result: the outputs a node produced for a cache key. */
public record MemoEntry(
        String cacheName, String key, String outputsJson, String nodeId, Instant createdAt, Instant lastHitAt) {

    public MemoEntry {
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outputsJson, "outputsJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
