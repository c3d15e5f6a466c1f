package dev.baton.testkit.store;

import dev.baton.spi.store.RunCursor;
import dev.baton.spi.store.ArtifactIndex;
import dev.baton.spi.store.Committed;
import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.CronStore;
import dev.baton.spi.store.FencedException;
import dev.baton.spi.store.IndexEntry;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.LeaseStore;
import dev.baton.spi.store.LockStore;
import dev.baton.spi.store.MemoCache;
import dev.baton.spi.store.NewEvent;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.OutboxEntry;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunLog;
import dev.baton.spi.store.RunProgress;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunStore;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.StoreException;
import dev.baton.spi.store.StoredEvent;
import dev.baton.spi.store.TemplateStore;
import dev.baton.spi.store.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A store held in memory with the semantics of the JDBC store, for unit tests and {@code --ephemeral} runs.
 * Each call is atomic like a transaction: runs, their logs and index entries share one monitor; templates,
 * cron workflows, the memo cache and locks each have their own.
 */
public final class InMemoryStore implements Store {
    private final Object monitor = new Object();
    private final Runs runs = new Runs();
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryCrons crons = new InMemoryCrons();
    private final Index index = new Index();
    private final InMemoryMemoCache memo = new InMemoryMemoCache();
    private final InMemoryLocks locks = new InMemoryLocks();
    private final InMemoryTokens tokens = new InMemoryTokens();

    /** A run with everything that belongs to it. */
    private static final class RunData {
        RunRecord record;
        String leaseOwner;
        long generation;
        Instant leaseExpiresAt;
        final List<StoredEvent> events = new ArrayList<>();
        final Map<String, NodeRow> nodes = new TreeMap<>();
        final Map<Long, OutboxEntry> outbox = new TreeMap<>();

        RunData(RunRecord record) {
            this.record = record;
        }

        boolean leasable(Instant now) {
            return leaseOwner == null || !leaseExpiresAt.isAfter(now);
        }
    }

    private final Map<String, RunData> byUid = new HashMap<>();
    private final Map<String, String> uidByName = new HashMap<>();
    private long nextOutboxId = 1;

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public LeaseStore leases() {
        return runs;
    }

    @Override
    public RunLog log() {
        return runs;
    }

    @Override
    public TemplateStore templates() {
        return templates;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public CronStore crons() {
        return crons;
    }

    @Override
    public ArtifactIndex artifactIndex() {
        return index;
    }

    @Override
    public MemoCache memoCache() {
        return memo;
    }

    @Override
    public LockStore locks() {
        return locks;
    }

    @Override
    public void close() {
        // nothing to release
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String nameKey(String namespace, String name) {
        return namespace + "\u0000" + name;
    }

    private final class Runs implements RunStore, LeaseStore, RunLog {

        @Override
        public void create(RunRecord run) {
            synchronized (monitor) {
                String key = nameKey(run.namespace(), run.name());
                if (uidByName.containsKey(key)) {
                    throw new ConflictException("a run named '" + run.name() + "' already exists in namespace '"
                            + run.namespace() + "'");
                }
                if (byUid.containsKey(run.uid())) {
                    throw new ConflictException("a run with uid " + run.uid() + " already exists");
                }
                RunRecord stored = new RunRecord(run.uid(), run.namespace(), run.name(), run.specJson(), run.labels(),
                        run.phase(), micros(run.createdAt()), micros(run.startedAt()), micros(run.finishedAt()),
                        run.message(), run.priority(), run.statusJson());
                byUid.put(run.uid(), new RunData(stored));
                uidByName.put(key, run.uid());
            }
        }

        @Override
        public Optional<RunRecord> find(String namespace, String name) {
            synchronized (monitor) {
                return Optional.ofNullable(uidByName.get(nameKey(namespace, name))).map(uid -> byUid.get(uid).record);
            }
        }

        @Override
        public Optional<RunRecord> findByUid(String uid) {
            synchronized (monitor) {
                return Optional.ofNullable(byUid.get(uid)).map(d -> d.record);
            }
        }

        @Override
        public Page<RunSummary> list(RunQuery query) {
            RunCursor after = RunCursor.decode(query.cursor());
            List<RunSummary> matching;
            synchronized (monitor) {
                matching = byUid.values().stream()
                        .map(d -> d.record)
                        .filter(r -> matches(r, query))
                        .filter(r -> after == null || after.isBefore(r.createdAt(), r.uid()))
                        .map(RunRecord::summary)
                        .sorted(Comparator.comparing(RunSummary::createdAt).thenComparing(RunSummary::uid).reversed())
                        .limit(query.limit() + 1L)
                        .toList();
            }
            if (matching.size() <= query.limit()) {
                return new Page<>(matching, null);
            }
            List<RunSummary> items = matching.subList(0, query.limit());
            RunSummary last = items.getLast();
            return new Page<>(items, new RunCursor(last.createdAt(), last.uid()).encode());
        }

        private static boolean matches(RunRecord r, RunQuery q) {
            return (q.namespace() == null || q.namespace().equals(r.namespace()))
                    && (q.phases().isEmpty() || q.phases().contains(r.phase()))
                    && r.labels().entrySet().containsAll(q.labels().entrySet())
                    && (q.createdAfter() == null || r.createdAt().isAfter(micros(q.createdAfter())))
                    && (q.createdBefore() == null || r.createdAt().isBefore(micros(q.createdBefore())));
        }

        @Override
        public boolean delete(String uid) {
            synchronized (monitor) {
                RunData removed = byUid.remove(uid);
                if (removed == null) {
                    return false;
                }
                uidByName.remove(nameKey(removed.record.namespace(), removed.record.name()));
                index.entries.keySet().removeIf(k -> k.runUid().equals(uid));
                return true;
            }
        }

        @Override
        public List<String> finishedRunsOlderThan(Instant cutoff) {
            Instant limit = micros(cutoff);
            return finishedOldestFirst().stream()
                    .filter(r -> r.finishedAt().isBefore(limit))
                    .map(RunRecord::uid)
                    .toList();
        }

        @Override
        public List<String> finishedRunsBeyondNewest(int keep) {
            List<RunRecord> finished = finishedOldestFirst();
            int beyond = Math.max(0, finished.size() - keep);
            return finished.subList(0, beyond).stream().map(RunRecord::uid).toList();
        }

        private List<RunRecord> finishedOldestFirst() {
            synchronized (monitor) {
                return byUid.values().stream()
                        .map(d -> d.record)
                        .filter(RunRecord::finished)
                        .sorted(Comparator.comparing(RunRecord::finishedAt).thenComparing(RunRecord::uid))
                        .toList();
            }
        }

        @Override
        public Optional<Lease> acquire(String runUid, String owner, Duration ttl, Instant now) {
            synchronized (monitor) {
                RunData run = byUid.get(runUid);
                if (run == null || !run.leasable(micros(now))) {
                    return Optional.empty();
                }
                return Optional.of(take(run, owner, ttl, now));
            }
        }

        private Lease take(RunData run, String owner, Duration ttl, Instant now) {
            run.leaseOwner = owner;
            run.generation++;
            run.leaseExpiresAt = micros(now.plus(ttl));
            return new Lease(run.record.uid(), owner, run.generation, run.leaseExpiresAt);
        }

        @Override
        public List<Lease> acquireUnfinished(String owner, int limit, Duration ttl, Instant now) {
            synchronized (monitor) {
                Instant at = micros(now);
                return byUid.values().stream()
                        .filter(d -> !d.record.finished() && d.leasable(at))
                        .sorted(Comparator.<RunData>comparingInt(d -> -d.record.priority())
                                .thenComparing(d -> d.record.createdAt())
                                .thenComparing(d -> d.record.uid()))
                        .limit(limit)
                        .toList()
                        .stream()
                        .map(d -> take(d, owner, ttl, now))
                        .sorted(Comparator.comparing(Lease::runUid))
                        .toList();
            }
        }

        @Override
        public Optional<String> holder(String runUid, Instant now) {
            synchronized (monitor) {
                RunData run = byUid.get(runUid);
                if (run == null || run.leasable(micros(now))) {
                    return Optional.empty();
                }
                return Optional.of(run.leaseOwner);
            }
        }

        @Override
        public Optional<Lease> takeOver(String runUid, String holder, String owner, Duration ttl, Instant now) {
            synchronized (monitor) {
                RunData run = byUid.get(runUid);
                if (run == null || !holder.equals(run.leaseOwner)) {
                    return Optional.empty();
                }
                return Optional.of(take(run, owner, ttl, now));
            }
        }

        @Override
        public Lease renew(Lease lease, Duration ttl, Instant now) {
            synchronized (monitor) {
                RunData run = current(lease);
                run.leaseExpiresAt = micros(now.plus(ttl));
                return new Lease(lease.runUid(), lease.owner(), lease.generation(), run.leaseExpiresAt);
            }
        }

        @Override
        public void release(Lease lease) {
            synchronized (monitor) {
                RunData run = byUid.get(lease.runUid());
                if (run != null && run.generation == lease.generation() && run.leaseOwner != null) {
                    run.leaseOwner = null;
                    run.leaseExpiresAt = null;
                }
            }
        }

        /** The run the lease is current for; else fenced. */
        private RunData current(Lease lease) {
            RunData run = byUid.get(lease.runUid());
            if (run == null) {
                throw new FencedException("run " + lease.runUid() + " no longer exists");
            }
            if (run.generation != lease.generation() || run.leaseOwner == null) {
                throw new FencedException("lease generation " + lease.generation() + " of run " + lease.runUid()
                        + " is stale: the run is at generation " + run.generation
                        + (run.leaseOwner == null ? " and released" : " owned by " + run.leaseOwner));
            }
            return run;
        }

        @Override
        public Committed commit(Lease lease, List<NewEvent> events, RunProgress progress) {
            synchronized (monitor) {
                RunData run = current(lease);
                checkBelongs(lease.runUid(), progress);
                long seq = run.events.isEmpty() ? 0 : run.events.getLast().seq();
                for (NewEvent e : events) {
                    run.events.add(new StoredEvent(++seq, e.type(), e.payloadJson(), micros(e.at())));
                }
                RunRecord r = run.record;
                run.record = new RunRecord(r.uid(), r.namespace(), r.name(), r.specJson(), r.labels(), progress.phase(),
                        r.createdAt(), micros(progress.startedAt()), micros(progress.finishedAt()), progress.message(),
                        r.priority(), progress.statusJson());
                for (NodeRow n : progress.changedNodes()) {
                    run.nodes.put(n.nodeId(), new NodeRow(n.runUid(), n.nodeId(), n.name(), n.displayName(), n.type(),
                            n.phase(), micros(n.startedAt()), micros(n.finishedAt()), n.statusJson()));
                }
                List<OutboxEntry> added = new ArrayList<>();
                for (OutboxEntry o : progress.newOutbox()) {
                    OutboxEntry stored = new OutboxEntry(nextOutboxId++, o.runUid(), o.kind(), o.payloadJson());
                    run.outbox.put(stored.id(), stored);
                    added.add(stored);
                }
                progress.doneOutbox().forEach(run.outbox::remove);
                return new Committed(seq, added);
            }
        }

        @Override
        public List<StoredEvent> events(String runUid, long afterSeq) {
            synchronized (monitor) {
                RunData run = byUid.get(runUid);
                return run == null ? List.of() : run.events.stream().filter(e -> e.seq() > afterSeq).toList();
            }
        }

        @Override
        public List<NodeRow> nodes(String runUid) {
            synchronized (monitor) {
                RunData run = byUid.get(runUid);
                return run == null ? List.of() : List.copyOf(run.nodes.values());
            }
        }

        @Override
        public List<OutboxEntry> pendingOutbox(String runUid) {
            synchronized (monitor) {
                RunData run = byUid.get(runUid);
                return run == null ? List.of() : List.copyOf(run.outbox.values());
            }
        }
    }

    /** Rejects nodes and outbox entries of another run, as the JDBC store does. */
    static void checkBelongs(String runUid, RunProgress progress) {
        for (NodeRow n : progress.changedNodes()) {
            if (!n.runUid().equals(runUid)) {
                throw new StoreException("node " + n.nodeId() + " belongs to run " + n.runUid() + ", not " + runUid);
            }
        }
        for (OutboxEntry o : progress.newOutbox()) {
            if (!o.runUid().equals(runUid)) {
                throw new StoreException("outbox entry belongs to run " + o.runUid() + ", not " + runUid);
            }
        }
    }

    private record IndexKey(String runUid, String nodeId, String kind, String name) {
    }

    private final class Index implements ArtifactIndex {
        private final Map<IndexKey, IndexEntry> entries = new TreeMap<>(Comparator.comparing(IndexKey::runUid)
                .thenComparing(IndexKey::nodeId).thenComparing(IndexKey::kind).thenComparing(IndexKey::name));

        @Override
        public void add(List<IndexEntry> added) {
            synchronized (monitor) {
                for (IndexEntry e : added) {
                    if (!byUid.containsKey(e.runUid())) {
                        throw new StoreException("cannot index " + e.name() + ": there is no run " + e.runUid());
                    }
                }
                for (IndexEntry e : added) {
                    entries.put(new IndexKey(e.runUid(), e.nodeId(), e.kind().wireName(), e.name()), e);
                }
            }
        }

        @Override
        public List<IndexEntry> list(String runUid) {
            synchronized (monitor) {
                return entries.values().stream().filter(e -> e.runUid().equals(runUid)).toList();
            }
        }

        @Override
        public Set<String> liveDigests() {
            synchronized (monitor) {
                Set<String> live = new HashSet<>();
                entries.values().forEach(e -> live.add(e.digest()));
                return live;
            }
        }
    }

}
