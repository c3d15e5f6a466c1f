package dev.baton.spi.store;

import java.util.Objects;

/** A blob of the artifact store that a node of a run produced: an artifact, a log, or a spilled value. */
public record IndexEntry(String runUid, String nodeId, String name, IndexKind kind, String digest, long size) {

    public IndexEntry {
        Objects.requireNonNull(runUid, "runUid");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
    }
}
