package dev.baton.engine.runtime.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.RunJournal;
import dev.baton.engine.runtime.WorkflowView;
import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.core.StoredValue;
import dev.baton.spi.store.IndexEntry;
import dev.baton.spi.store.IndexKind;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.NewEvent;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunProgress;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.StoreException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records runs in the store: the run record and snapshot when a run starts, then per batch its events,
 * the nodes they changed and the run's status, in one fenced transaction under the run's lease.
 */
public final class StoreJournal implements RunJournal {
    private static final ObjectMapper JSON = StoredJson.mapper();
    private final Store store;
    private final String owner;
    private final Clock clock;
    private final Duration leaseTime;
    private Lease lease;

    public StoreJournal(Store store, String owner, Clock clock, Duration leaseTime) {
        this.store = store;
        this.owner = owner;
        this.clock = clock;
        this.leaseTime = leaseTime;
    }

    /** Takes over a run that is already stored (resume), with the lease acquired by the caller. */
    public StoreJournal resuming(Lease acquired) {
        StoreJournal journal = new StoreJournal(store, owner, clock, leaseTime);
        journal.lease = acquired;
        return journal;
    }

    @Override
    public synchronized void begin(RunState state) {
        if (lease != null) {
            return;
        }
        var context = state.context();
        store.runs().create(newRecord(state));
        lease = store.leases().acquire(context.uid(), owner, leaseTime, clock.instant())
                .orElseThrow(() -> new StoreException("run " + context.runName() + " is owned by another engine"));
    }

    /** The stored form of a run that has not started yet: its snapshot, labels and priority, no status. */
    public static RunRecord newRecord(RunState state) {
        var context = state.context();
        var meta = context.workflow().metadata();
        int priority = context.spec().priority() == null ? 0 : context.spec().priority();
        return new RunRecord(context.uid(), context.namespace(), context.runName(),
                RunSnapshot.encode(context), meta == null || meta.labels() == null ? Map.of() : meta.labels(),
                state.phase().name(), context.createdAt(), null, null, null, priority, json(Map.of()));
    }

    @Override
    public synchronized void record(RunState state, List<TimedEvent> events, List<NodeState> changed) {
        Instant now = clock.instant();
        if (lease.expiresAt().minus(leaseTime.dividedBy(2)).isBefore(now)) {
            lease = store.leases().renew(lease, leaseTime, now);
        }
        List<NewEvent> batch = new ArrayList<>(events.size());
        for (TimedEvent e : events) {
            batch.add(new NewEvent(EventCodec.type(e.event()), EventCodec.encode(e.event()), e.at()));
        }
        List<NodeRow> nodes = new ArrayList<>();
        List<IndexEntry> index = new ArrayList<>();
        for (NodeState node : changed) {
            nodes.add(new NodeRow(state.context().uid(), node.id(), node.name(), node.displayName(),
                    node.type().name(), node.phase().name(), node.startedAt(), node.finishedAt(),
                    json(WorkflowView.node(state, node))));
            if (node.isFulfilled()) {
                index(state, node, index);
            }
        }
        store.log().commit(lease, batch, new RunProgress(state.phase().name(), state.startedAt(), state.finishedAt(),
                state.message(), json(WorkflowView.statusWithoutNodes(state)), nodes, List.of(), List.of()));
        if (!index.isEmpty()) {
            store.artifactIndex().add(index);
        }
    }

    /** Records the blobs a finished node refers to, so garbage collection keeps them while the run exists. */
    private static void index(RunState state, NodeState node, List<IndexEntry> index) {
        String uid = state.context().uid();
        node.outputArtifacts().forEach((name, ref) ->
                index.add(new IndexEntry(uid, node.id(), name, IndexKind.ARTIFACT, ref.digest(), ref.size())));
        ArtifactRef out = node.logs().get("stdout");
        if (out != null) {
            index.add(new IndexEntry(uid, node.id(), "stdout", IndexKind.LOG_STDOUT, out.digest(), out.size()));
        }
        ArtifactRef err = node.logs().get("stderr");
        if (err != null) {
            index.add(new IndexEntry(uid, node.id(), "stderr", IndexKind.LOG_STDERR, err.digest(), err.size()));
        }
        StoredValue result = StoredValue.of(node.result());
        if (result != null) {
            index.add(new IndexEntry(uid, node.id(), "result", IndexKind.VALUE, result.digest(), result.size()));
        }
        node.outputParameters().forEach((name, value) -> {
            StoredValue stored = StoredValue.of(value);
            if (stored != null) {
                index.add(new IndexEntry(uid, node.id(), "parameters." + name, IndexKind.VALUE, stored.digest(),
                        stored.size()));
            }
        });
    }

    @Override
    public synchronized void end(RunState state) {
        if (lease != null) {
            store.leases().release(lease);
            lease = null;
        }
    }

    /** Renews the lease while the run is idle (a long step), so no other engine takes it over. */
    @Override
    public synchronized void keepAlive() {
        if (lease != null) {
            lease = store.leases().renew(lease, leaseTime, clock.instant());
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
