package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/** The current state of one node of a run, for queries; {@code statusJson} is its Argo-shaped node status. */
public record NodeRow(
        String runUid,
        String nodeId,
        String name,
        String displayName,
        String type,
        String phase,
        Instant startedAt,
        Instant finishedAt,
        String statusJson) {

    public NodeRow {
        Objects.requireNonNull(runUid, "runUid");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
    }
}
