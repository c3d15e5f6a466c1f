package dev.baton.spi.store;

import java.util.List;

/**
 * A run's progress: its ordered event log (what the engine replays on restart), its nodes, and its outbox of
 * effects to execute after commit. Writes carry the run's {@link Lease} and are refused with
 * {@link FencedException}, changing nothing, when the run's stored generation differs.
 */
public interface RunLog {

    /**
     * In one transaction: checks the lease, appends the events with the next sequence numbers, replaces the
     * run's snapshot fields, upserts the changed nodes, adds and removes outbox entries. Every node and outbox
     * entry must belong to the leased run.
     */
    Committed commit(Lease lease, List<NewEvent> events, RunProgress progress);

    /** The run's events with a sequence number above {@code afterSeq}, in order. */
    List<StoredEvent> events(String runUid, long afterSeq);

    /** The run's nodes, ordered by node id. */
    List<NodeRow> nodes(String runUid);

    /** The run's outbox entries not yet marked done, in the order they were committed. */
    List<OutboxEntry> pendingOutbox(String runUid);
}
