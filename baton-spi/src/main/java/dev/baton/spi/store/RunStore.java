package dev.baton.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs as submitted and their current snapshot: create, find, list, delete, retention. One transaction per call. */
public interface RunStore {

    /** Stores a new run, unowned; fails with {@link ConflictException} if its namespace and name are taken. */
    void create(RunRecord run);

    Optional<RunRecord> find(String namespace, String name);

    Optional<RunRecord> findByUid(String uid);

    /** A page of runs, newest first; stays fast with many runs (keyset pagination over an index). */
    Page<RunSummary> list(RunQuery query);

    /** Deletes a run with its events, nodes, outbox and index entries; false if there was none. */
    boolean delete(String uid);

    /** Finished runs whose {@code finishedAt} is before {@code cutoff}, oldest first. */
    List<String> finishedRunsOlderThan(Instant cutoff);

    /** Finished runs other than the {@code keep} most recently finished, oldest first. */
    List<String> finishedRunsBeyondNewest(int keep);
}
