package dev.baton.spi.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A submitted run and its current snapshot.
 *
 * @param specJson   the submitted workflow as JSON
 * @param statusJson the latest Argo-shaped status as JSON (may be large), or null before the first commit
 * @param priority   higher is claimed first by {@link RunStore#acquireUnfinished}
 */
public record RunRecord(
        String uid,
        String namespace,
        String name,
        String specJson,
        Map<String, String> labels,
        String phase,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String message,
        int priority,
        String statusJson) {

    public RunRecord {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Whether the run has reached a final phase (its {@code finishedAt} is set). */
    public boolean finished() {
        return finishedAt != null;
    }

    /** The listing view of this run. */
    public RunSummary summary() {
        return new RunSummary(uid, namespace, name, labels, phase, createdAt, startedAt, finishedAt, message, priority);
    }
}
