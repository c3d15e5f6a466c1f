package dev.baton.spi.store;

import java.time.Instant;
import java.util.Map;

/** A run as listings show it: without its spec and status documents. */
public record RunSummary(
        String uid,
        String namespace,
        String name,
        Map<String, String> labels,
        String phase,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String message,
        int priority) {

    public RunSummary {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
