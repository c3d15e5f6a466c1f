package dev.baton.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.store.Committed;
import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.CronRecord;
import dev.baton.spi.store.CronStatus;
import dev.baton.spi.store.FencedException;
import dev.baton.spi.store.IndexEntry;
import dev.baton.spi.store.IndexKind;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.MemoEntry;
import dev.baton.spi.store.NewEvent;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.OutboxEntry;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunProgress;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStanding;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.StoreException;
import dev.baton.spi.store.StoredEvent;
import dev.baton.spi.store.TemplateKind;
import dev.baton.spi.store.TemplateRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link Store} must show; each store's test extends this class and supplies a fresh,
 * empty store per test. Times are fixed instants (no clock), so lease expiry is exact.
 */
public abstract class StoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    @TempDir
    Path tempDir;
    private Store store;

    /** A fresh, empty store; {@code tempDir} is private to one test and deleted after it. */
    protected abstract Store newStore(Path tempDir) throws Exception;

    @BeforeEach
    final void openStore() throws Exception {
        store = newStore(tempDir);
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected final Store store() {
        return store;
    }

    // ---------------------------------------------------------------- fixtures

    protected static RunRecord run(String uid, String namespace, String name, Instant createdAt) {
        return new RunRecord(uid, namespace, name, "{\"spec\":\"" + name + "\"}", Map.of(), "Pending", createdAt,
                null, null, null, 0, null);
    }

    private static RunRecord withLabels(RunRecord r, Map<String, String> labels) {
        return new RunRecord(r.uid(), r.namespace(), r.name(), r.specJson(), labels, r.phase(), r.createdAt(),
                r.startedAt(), r.finishedAt(), r.message(), r.priority(), r.statusJson());
    }

    private static RunRecord finishedAt(RunRecord r, Instant finishedAt) {
        return new RunRecord(r.uid(), r.namespace(), r.name(), r.specJson(), r.labels(), "Succeeded", r.createdAt(),
                r.createdAt(), finishedAt, null, r.priority(), null);
    }

    private static RunRecord withPriority(RunRecord r, int priority) {
        return new RunRecord(r.uid(), r.namespace(), r.name(), r.specJson(), r.labels(), r.phase(), r.createdAt(),
                r.startedAt(), r.finishedAt(), r.message(), priority, r.statusJson());
    }

    private RunRecord created(String uid) {
        RunRecord r = run(uid, "ns", "wf-" + uid, T0);
        store.runs().create(r);
        return r;
    }

    private static RunProgress running(List<NodeRow> nodes, List<OutboxEntry> newOutbox, List<Long> done) {
        return new RunProgress("Running", T0, null, null, "{\"phase\":\"Running\"}", nodes, newOutbox, done);
    }

    private static NodeRow node(String runUid, String nodeId, String phase) {
        return new NodeRow(runUid, nodeId, "wf." + nodeId, nodeId, "Pod", phase, T0, null,
                "{\"id\":\"" + nodeId + "\",\"phase\":\"" + phase + "\"}");
    }

    private static NewEvent event(String type, int i) {
        return new NewEvent(type, "{\"i\":" + i + "}", T0.plusMillis(i));
    }

    private Lease lease(String uid, String owner) {
        return store.leases().acquire(uid, owner, TTL, T0).orElseThrow();
    }

    // ---------------------------------------------------------------- runs

    @Test
    void aCreatedRunIsFoundByNameAndByUidWithEveryField() {
        RunRecord r = new RunRecord("u1", "ns", "hello", "{\"a\":[1,2]}", Map.of("team", "data", "env", "prod"),
                "Running", T0, T0.plusSeconds(1), null, "working", 7, "{\"phase\":\"Running\",\"é\":\"✓\"}");

        store.runs().create(r);

        assertThat(store.runs().find("ns", "hello")).contains(r);
        assertThat(store.runs().findByUid("u1")).contains(r);
        assertThat(store.runs().find("other", "hello")).isEmpty();
        assertThat(store.runs().findByUid("nope")).isEmpty();
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Instant precise = Instant.parse("2026-03-01T10:00:00.123456789Z");
        store.runs().create(run("u1", "ns", "a", precise));

        assertThat(store.runs().findByUid("u1").orElseThrow().createdAt())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }

    @Test
    void aSecondRunWithTheSameNameInTheNamespaceConflictsAndTheFirstStays() {
        store.runs().create(run("u1", "ns", "hello", T0));

        assertThatThrownBy(() -> store.runs().create(run("u2", "ns", "hello", T0.plusSeconds(1))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("hello");
        store.runs().create(run("u3", "other", "hello", T0));

        assertThat(store.runs().find("ns", "hello").map(RunRecord::uid)).contains("u1");
        assertThat(store.runs().findByUid("u2")).isEmpty();
        assertThat(store.runs().find("other", "hello").map(RunRecord::uid)).contains("u3");
    }

    @Test
    void largeDocumentsAndUnicodeComeBackExactly() {
        String big = "{\"nodes\":\"" + "x".repeat(3_000_000) + "\",\"emoji\":\"\uD83D\uDE80 \u00e9\"}";
        RunRecord r = new RunRecord("u1", "ns", "big", big, Map.of("k", "\u00fc"), "Pending", T0, null, null,
                "message \u2713", 0, big);

        store.runs().create(r);

        assertThat(store.runs().findByUid("u1")).contains(r);
    }

    @Test
    void listingFiltersByNamespacePhaseLabelsAndCreationTime() {
        store.runs().create(withLabels(run("a", "ns1", "a", T0), Map.of("team", "x", "env", "prod")));
        store.runs().create(withLabels(run("b", "ns1", "b", T0.plusSeconds(1)), Map.of("team", "y")));
        store.runs().create(finishedAt(withLabels(run("c", "ns1", "c", T0.plusSeconds(2)),
                Map.of("team", "x")), T0.plusSeconds(9)));
        store.runs().create(withLabels(run("d", "ns2", "d", T0.plusSeconds(3)), Map.of("team", "x")));

        assertThat(uids(RunQuery.all())).containsExactly("d", "c", "b", "a");
        assertThat(uids(RunQuery.all().inNamespace("ns1"))).containsExactly("c", "b", "a");
        assertThat(uids(RunQuery.all().withPhases(Set.of("Succeeded")))).containsExactly("c");
        assertThat(uids(RunQuery.all().withPhases(Set.of("Pending", "Running")))).containsExactly("d", "b", "a");
        assertThat(uids(RunQuery.all().withLabels(Map.of("team", "x")))).containsExactly("d", "c", "a");
        assertThat(uids(RunQuery.all().withLabels(Map.of("team", "x", "env", "prod")))).containsExactly("a");
        assertThat(uids(RunQuery.all().withLabels(Map.of("team", "z")))).isEmpty();
        assertThat(uids(RunQuery.all().createdBetween(T0, T0.plusSeconds(3)))).containsExactly("c", "b");
        assertThat(uids(RunQuery.all().createdBetween(T0.plusSeconds(1), null))).containsExactly("d", "c");

        RunSummary a = store.runs().list(RunQuery.all().inNamespace("ns1").withLabels(Map.of("env", "prod")))
                .items().getFirst();
        assertThat(a).isEqualTo(store.runs().findByUid("a").orElseThrow().summary());
    }

    private List<String> uids(RunQuery query) {
        Page<RunSummary> page = store.runs().list(query);
        assertThat(page.hasMore()).isFalse();
        return page.items().stream().map(RunSummary::uid).toList();
    }

    @Test
    void paginationWalksOneThousandRunsNewestFirstWithoutGapsOrDuplicates() {
        List<RunRecord> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // groups of three runs share an instant, so the uid must break ties
            RunRecord r = run(String.format("run-%04d", (i * 7919) % 1000), i % 2 == 0 ? "even" : "odd",
                    "wf-" + i, T0.plusSeconds(i / 3));
            store.runs().create(r);
            all.add(r);
        }
        List<String> expected = all.stream()
                .sorted(Comparator.comparing(RunRecord::createdAt).thenComparing(RunRecord::uid).reversed())
                .map(RunRecord::uid)
                .toList();

        List<String> seen = new ArrayList<>();
        int pages = 0;
        RunQuery query = RunQuery.all().limit(37);
        while (true) {
            Page<RunSummary> page = store.runs().list(query);
            pages++;
            page.items().forEach(s -> seen.add(s.uid()));
            if (!page.hasMore()) {
                break;
            }
            assertThat(page.items()).hasSize(37);
            query = query.after(page.nextCursor());
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(28);
        List<String> evens = new ArrayList<>();
        RunQuery evenQuery = RunQuery.all().inNamespace("even").limit(100);
        Page<RunSummary> page;
        do {
            page = store.runs().list(evenQuery);
            page.items().forEach(s -> evens.add(s.uid()));
            evenQuery = evenQuery.after(page.nextCursor());
        } while (page.hasMore());
        assertThat(evens).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void aPageExactlyAtTheEndHasNoNextCursor() {
        created("a");
        created("b");

        Page<RunSummary> page = store.runs().list(RunQuery.all().limit(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isNull();
    }

    // ---------------------------------------------------------------- leases and fencing

    @Test
    void acquireTakesAnUnownedRunAndIncrementsTheGeneration() {
        created("r");

        Optional<Lease> lease = store.leases().acquire("r", "engine-a", TTL, T0);

        assertThat(lease).contains(new Lease("r", "engine-a", 1, T0.plus(TTL)));
        assertThat(store.leases().acquire("r", "engine-b", TTL, T0.plusSeconds(29))).isEmpty();
        assertThat(store.leases().acquire("r", "engine-a", TTL, T0.plusSeconds(29)))
                .as("even its owner cannot acquire a held lease again").isEmpty();
        assertThat(store.leases().acquire("missing", "engine-a", TTL, T0)).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverWithTheNextGeneration() {
        created("r");
        store.leases().acquire("r", "engine-a", TTL, T0).orElseThrow();

        Optional<Lease> taken = store.leases().acquire("r", "engine-b", TTL, T0.plus(TTL));

        assertThat(taken).contains(new Lease("r", "engine-b", 2, T0.plus(TTL).plus(TTL)));
    }

    @Test
    void aStaleLeasesCommitFailsAndChangesNothing() {
        created("r");
        Lease old = lease("r", "engine-a");
        store.log().commit(old, List.of(event("Started", 1)), running(List.of(node("r", "n1", "Running")),
                List.of(), List.of()));
        Lease current = store.leases().acquire("r", "engine-b", TTL, T0.plus(TTL).plusSeconds(1)).orElseThrow();
        RunRecord before = store.runs().findByUid("r").orElseThrow();

        assertThatThrownBy(() -> store.log().commit(old, List.of(event("Late", 2)),
                new RunProgress("Failed", T0, T0.plusSeconds(99), "stale", "{}",
                        List.of(node("r", "n1", "Failed"), node("r", "n2", "Running")),
                        List.of(OutboxEntry.of("r", "LaunchNode", "{}")), List.of())))
                .isInstanceOf(FencedException.class);

        assertThat(store.runs().findByUid("r")).contains(before);
        assertThat(store.log().events("r", 0)).extracting(StoredEvent::type).containsExactly("Started");
        assertThat(store.log().nodes("r")).containsExactly(node("r", "n1", "Running"));
        assertThat(store.log().pendingOutbox("r")).isEmpty();
        assertThatThrownBy(() -> store.leases().renew(old, TTL, T0.plusSeconds(40)))
                .isInstanceOf(FencedException.class);

        Committed committed = store.log().commit(current, List.of(event("Resumed", 3)),
                running(List.of(), List.of(), List.of()));
        assertThat(committed.lastSeq()).isEqualTo(2);
    }

    @Test
    void aGoneHoldersLeaseIsTakenOverBeforeItExpiresAndFencesIt() {
        created("r");
        Lease dead = lease("r", "engine-a");

        assertThat(store.leases().holder("r", T0.plusSeconds(1))).contains("engine-a");
        Optional<Lease> taken = store.leases().takeOver("r", "engine-a", "engine-b", TTL, T0.plusSeconds(1));

        assertThat(taken).contains(new Lease("r", "engine-b", 2, T0.plusSeconds(1).plus(TTL)));
        assertThat(store.leases().holder("r", T0.plusSeconds(2))).contains("engine-b");
        assertThatThrownBy(() -> store.log().commit(dead, List.of(event("Late", 1)),
                running(List.of(), List.of(), List.of()))).isInstanceOf(FencedException.class);
        assertThat(store.leases().takeOver("r", "engine-a", "engine-c", TTL, T0.plusSeconds(3)))
                .as("a second taker that saw the same dead holder loses").isEmpty();
        assertThat(store.leases().holder("r", T0.plusSeconds(3))).contains("engine-b");
    }

    @Test
    void holderIsEmptyForAReleasedExpiredOrMissingRun() {
        created("r");
        Lease lease = lease("r", "engine-a");

        assertThat(store.leases().holder("r", T0.plus(TTL))).as("expired").isEmpty();
        store.leases().release(lease);
        assertThat(store.leases().holder("r", T0)).as("released").isEmpty();
        assertThat(store.leases().takeOver("r", "engine-a", "engine-b", TTL, T0)).as("released").isEmpty();
        assertThat(store.leases().holder("missing", T0)).isEmpty();
    }

    @Test
    void renewExtendsALeaseEvenAfterItExpiredIfNobodyTookOver() {
        created("r");
        Lease lease = lease("r", "engine-a");

        Lease renewed = store.leases().renew(lease, TTL, T0.plusSeconds(45));

        assertThat(renewed).isEqualTo(new Lease("r", "engine-a", 1, T0.plusSeconds(75)));
        assertThat(store.leases().acquire("r", "engine-b", TTL, T0.plusSeconds(74))).isEmpty();
        assertThat(store.leases().acquire("r", "engine-b", TTL, T0.plusSeconds(75))).isPresent();
    }

    @Test
    void releaseFreesTheRunAtOnceAndAStaleReleaseDoesNothing() {
        created("r");
        Lease first = lease("r", "engine-a");

        store.leases().release(first);
        Lease second = store.leases().acquire("r", "engine-b", TTL, T0).orElseThrow();
        store.leases().release(first);

        assertThat(second.generation()).isEqualTo(2);
        assertThat(store.leases().acquire("r", "engine-c", TTL, T0)).isEmpty();
        assertThatThrownBy(() -> store.log().commit(first, List.of(), running(List.of(), List.of(), List.of())))
                .isInstanceOf(FencedException.class);
        store.log().commit(second, List.of(), running(List.of(), List.of(), List.of()));
    }

    @Test
    void acquireUnfinishedClaimsFreeUnfinishedRunsByPriorityThenAge() {
        store.runs().create(run("old", "ns", "old", T0));
        store.runs().create(run("new", "ns", "new", T0.plusSeconds(5)));
        store.runs().create(withPriority(run("urgent", "ns", "urgent", T0.plusSeconds(9)), 10));
        store.runs().create(finishedAt(run("done", "ns", "done", T0.minusSeconds(5)), T0));
        store.runs().create(run("held", "ns", "held", T0.minusSeconds(9)));
        store.leases().acquire("held", "engine-x", TTL, T0).orElseThrow();

        List<Lease> first = store.leases().acquireUnfinished("engine-a", 2, TTL, T0.plusSeconds(1));
        List<Lease> rest = store.leases().acquireUnfinished("engine-b", 10, TTL, T0.plusSeconds(1));
        List<Lease> expired = store.leases().acquireUnfinished("engine-c", 10, TTL, T0.plus(TTL));

        assertThat(first).extracting(Lease::runUid).containsExactlyInAnyOrder("urgent", "old");
        assertThat(first).allSatisfy(l -> {
            assertThat(l.owner()).isEqualTo("engine-a");
            assertThat(l.generation()).isEqualTo(1);
            assertThat(l.expiresAt()).isEqualTo(T0.plusSeconds(1).plus(TTL));
        });
        assertThat(rest).extracting(Lease::runUid).containsExactly("new");
        assertThat(expired).extracting(Lease::runUid).containsExactly("held");
        assertThat(expired.getFirst().generation()).isEqualTo(2);
    }

    @Test
    void concurrentClaimersNeverClaimTheSameRun() throws Exception {
        for (int i = 0; i < 60; i++) {
            store.runs().create(run(String.format("r%02d", i), "ns", "wf" + i, T0.plusMillis(i)));
        }

        List<List<Lease>> claims = inParallel(4, worker -> () -> {
            List<Lease> mine = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                mine.addAll(store.leases().acquireUnfinished("engine-" + worker, 3, TTL, T0));
            }
            return mine;
        });

        List<String> claimed = claims.stream().flatMap(List::stream).map(Lease::runUid).toList();
        assertThat(claimed).doesNotHaveDuplicates().hasSize(60);
    }

    // ---------------------------------------------------------------- progress

    @Test
    void commitsAppendEventsInSequenceAndReplaceTheSnapshot() {
        created("r");
        Lease lease = lease("r", "engine-a");

        Committed first = store.log().commit(lease, List.of(event("A", 1), event("B", 2)),
                running(List.of(node("r", "n1", "Running")), List.of(), List.of()));
        Committed second = store.log().commit(lease, List.of(event("C", 3)),
                new RunProgress("Succeeded", T0, T0.plusSeconds(60), "done", "{\"phase\":\"Succeeded\"}",
                        List.of(node("r", "n1", "Succeeded"), node("r", "n0", "Skipped")), List.of(), List.of()));
        Committed empty = store.log().commit(lease, List.of(),
                new RunProgress("Succeeded", T0, T0.plusSeconds(60), "done", "{\"phase\":\"Succeeded\"}",
                        List.of(), List.of(), List.of()));

        assertThat(first.lastSeq()).isEqualTo(2);
        assertThat(second.lastSeq()).isEqualTo(3);
        assertThat(empty.lastSeq()).isEqualTo(3);
        assertThat(store.log().events("r", 0)).containsExactly(
                new StoredEvent(1, "A", "{\"i\":1}", T0.plusMillis(1)),
                new StoredEvent(2, "B", "{\"i\":2}", T0.plusMillis(2)),
                new StoredEvent(3, "C", "{\"i\":3}", T0.plusMillis(3)));
        assertThat(store.log().events("r", 2)).extracting(StoredEvent::seq).containsExactly(3L);
        assertThat(store.log().events("r", 3)).isEmpty();
        assertThat(store.log().nodes("r")).containsExactly(node("r", "n0", "Skipped"), node("r", "n1", "Succeeded"));
        RunRecord run = store.runs().findByUid("r").orElseThrow();
        assertThat(run.phase()).isEqualTo("Succeeded");
        assertThat(run.startedAt()).isEqualTo(T0);
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(run.message()).isEqualTo("done");
        assertThat(run.statusJson()).isEqualTo("{\"phase\":\"Succeeded\"}");
        assertThat(run.specJson()).isEqualTo("{\"spec\":\"wf-r\"}");
    }

    @Test
    void eventSequencesArePerRun() {
        created("r1");
        created("r2");
        Lease l1 = lease("r1", "e");
        Lease l2 = lease("r2", "e");

        store.log().commit(l1, List.of(event("A", 1), event("B", 2)), running(List.of(), List.of(), List.of()));
        store.log().commit(l2, List.of(event("X", 1)), running(List.of(), List.of(), List.of()));

        assertThat(store.log().events("r2", 0)).extracting(StoredEvent::seq).containsExactly(1L);
        assertThat(store.log().events("r1", 0)).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void outboxEntriesAreCommittedWithTheStateAndRemovedByALaterCommit() {
        created("r");
        Lease lease = lease("r", "engine-a");

        Committed c = store.log().commit(lease, List.of(event("Ready", 1)), running(List.of(), List.of(
                OutboxEntry.of("r", "LaunchNode", "{\"node\":\"a\"}"),
                OutboxEntry.of("r", "LaunchNode", "{\"node\":\"b\"}"),
                OutboxEntry.of("r", "StartTimer", "{\"s\":5}")), List.of()));

        assertThat(c.newOutbox()).extracting(OutboxEntry::kind).containsExactly("LaunchNode", "LaunchNode", "StartTimer");
        assertThat(c.newOutbox()).extracting(OutboxEntry::id).allMatch(id -> id > 0).doesNotHaveDuplicates()
                .isSorted();
        assertThat(store.log().pendingOutbox("r")).containsExactlyElementsOf(c.newOutbox());

        long launchedA = c.newOutbox().get(0).id();
        long timer = c.newOutbox().get(2).id();
        store.log().commit(lease, List.of(event("Launched", 2)),
                running(List.of(), List.of(OutboxEntry.of("r", "Cancel", "{}")), List.of(launchedA, timer)));

        assertThat(store.log().pendingOutbox("r")).extracting(OutboxEntry::payloadJson)
                .containsExactly("{\"node\":\"b\"}", "{}");
    }

    @Test
    void aCommitWithANodeOfAnotherRunIsRejectedWhole() {
        created("r");
        created("other");
        Lease lease = lease("r", "engine-a");

        assertThatThrownBy(() -> store.log().commit(lease, List.of(event("A", 1)),
                running(List.of(node("r", "n1", "Running"), node("other", "n1", "Running")), List.of(), List.of())))
                .isInstanceOf(StoreException.class);

        assertThat(store.log().events("r", 0)).isEmpty();
        assertThat(store.log().nodes("r")).isEmpty();
        assertThat(store.log().nodes("other")).isEmpty();
    }

    @Test
    void commitsFromTwoThreadsInterleaveWithoutGapsOrLoss() throws Exception {
        created("r");
        Lease lease = lease("r", "engine-a");

        inParallel(2, worker -> () -> {
            for (int i = 0; i < 50; i++) {
                store.log().commit(lease,
                        List.of(new NewEvent("W" + worker, "{\"i\":" + i + "}", T0),
                                new NewEvent("W" + worker, "{\"i\":" + i + "}", T0)),
                        running(List.of(node("r", "w" + worker, "Running")), List.of(), List.of()));
            }
            return null;
        });

        List<StoredEvent> events = store.log().events("r", 0);
        assertThat(events).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj(i -> (long) i).toList());
        for (String worker : List.of("W0", "W1")) {
            List<String> payloads = events.stream().filter(e -> e.type().equals(worker))
                    .map(StoredEvent::payloadJson).toList();
            List<String> expected = IntStream.range(0, 50).boxed()
                    .flatMap(i -> List.of("{\"i\":" + i + "}", "{\"i\":" + i + "}").stream()).toList();
            assertThat(payloads).as("events of %s in the order committed", worker).containsExactlyElementsOf(expected);
        }
        assertThat(store.log().nodes("r")).hasSize(2);
    }

    // ---------------------------------------------------------------- delete and retention

    @Test
    void deletingARunRemovesEverythingThatBelongsToIt() {
        created("r");
        created("keep");
        Lease lease = lease("r", "engine-a");
        store.log().commit(lease, List.of(event("A", 1)), running(List.of(node("r", "n1", "Running")),
                List.of(OutboxEntry.of("r", "LaunchNode", "{}")), List.of()));
        store.artifactIndex().add(List.of(
                new IndexEntry("r", "n1", "out", IndexKind.ARTIFACT, "sha256:aa", 10),
                new IndexEntry("keep", "n1", "out", IndexKind.ARTIFACT, "sha256:bb", 10)));

        assertThat(store.runs().delete("r")).isTrue();

        assertThat(store.runs().findByUid("r")).isEmpty();
        assertThat(store.runs().find("ns", "wf-r")).isEmpty();
        assertThat(store.log().events("r", 0)).isEmpty();
        assertThat(store.log().nodes("r")).isEmpty();
        assertThat(store.log().pendingOutbox("r")).isEmpty();
        assertThat(store.artifactIndex().list("r")).isEmpty();
        assertThat(store.artifactIndex().liveDigests()).containsExactly("sha256:bb");
        assertThat(uidsOfAllRuns()).containsExactly("keep");
        assertThat(store.runs().delete("r")).isFalse();
        assertThatThrownBy(() -> store.log().commit(lease, List.of(), running(List.of(), List.of(), List.of())))
                .isInstanceOf(FencedException.class);
        store.runs().create(run("r2", "ns", "wf-r", T0));
        assertThat(store.runs().find("ns", "wf-r").map(RunRecord::uid)).contains("r2");
    }

    private List<String> uidsOfAllRuns() {
        return store.runs().list(RunQuery.all().limit(RunQuery.MAX_LIMIT)).items().stream()
                .map(RunSummary::uid).toList();
    }

    @Test
    void retentionFindsFinishedRunsByAgeAndBeyondTheNewest() {
        store.runs().create(finishedAt(run("f1", "ns", "f1", T0), T0.plusSeconds(10)));
        store.runs().create(finishedAt(run("f2", "ns", "f2", T0), T0.plusSeconds(20)));
        store.runs().create(finishedAt(run("f3", "ns", "f3", T0), T0.plusSeconds(30)));
        store.runs().create(run("running", "ns", "running", T0.minusSeconds(100)));

        assertThat(store.runs().finishedRunsOlderThan(T0.plusSeconds(25))).containsExactly("f1", "f2");
        assertThat(store.runs().finishedRunsOlderThan(T0.plusSeconds(10))).isEmpty();
        assertThat(store.runs().finishedRunsBeyondNewest(1)).containsExactly("f1", "f2");
        assertThat(store.runs().finishedRunsBeyondNewest(3)).isEmpty();
        assertThat(store.runs().finishedRunsBeyondNewest(0)).containsExactly("f1", "f2", "f3");

        store.runs().finishedRunsOlderThan(T0.plusSeconds(25)).forEach(store.runs()::delete);
        assertThat(uidsOfAllRuns()).containsExactlyInAnyOrder("f3", "running");
    }

    @Test
    void aRunFinishedByACommitCountsForRetention() {
        created("r");
        Lease lease = lease("r", "engine-a");

        store.log().commit(lease, List.of(), new RunProgress("Failed", T0, T0.plusSeconds(5), "boom", "{}",
                List.of(), List.of(), List.of()));

        assertThat(store.runs().finishedRunsOlderThan(T0.plusSeconds(6))).containsExactly("r");
        assertThat(store.leases().acquireUnfinished("engine-b", 10, TTL, T0.plus(TTL))).isEmpty();
    }

    // ---------------------------------------------------------------- templates

    @Test
    void everyPutOfATemplateIsANewRevision() {
        TemplateKind wt = TemplateKind.WORKFLOW_TEMPLATE;
        TemplateRecord r1 = store.templates().put(wt, "ns", "build", "v: 1", T0);
        TemplateRecord r2 = store.templates().put(wt, "ns", "build", "v: 2", T0.plusSeconds(1));
        store.templates().put(wt, "ns", "alpha", "a: 1", T0);
        store.templates().put(wt, "other", "build", "o: 1", T0);
        store.templates().put(TemplateKind.CLUSTER_WORKFLOW_TEMPLATE, "", "build", "c: 1", T0);

        assertThat(r1).isEqualTo(new TemplateRecord("ns", wt, "build", 1, "v: 1", T0));
        assertThat(r2.revision()).isEqualTo(2);
        assertThat(store.templates().latest(wt, "ns", "build")).contains(r2);
        assertThat(store.templates().revision(wt, "ns", "build", 1)).contains(r1);
        assertThat(store.templates().revision(wt, "ns", "build", 3)).isEmpty();
        assertThat(store.templates().listLatest(wt, "ns")).extracting(TemplateRecord::name, TemplateRecord::revision)
                .containsExactly(tuple("alpha", 1), tuple("build", 2));
        assertThat(store.templates().latest(TemplateKind.CLUSTER_WORKFLOW_TEMPLATE, "", "build")
                .map(TemplateRecord::yaml)).contains("c: 1");

        assertThat(store.templates().delete(wt, "ns", "build")).isTrue();
        assertThat(store.templates().latest(wt, "ns", "build")).isEmpty();
        assertThat(store.templates().revision(wt, "ns", "build", 1)).isEmpty();
        assertThat(store.templates().delete(wt, "ns", "build")).isFalse();
        assertThat(store.templates().latest(wt, "other", "build")).isPresent();
        assertThat(store.templates().put(wt, "ns", "build", "v: again", T0).revision())
                .as("revisions of a deleted template start over").isEqualTo(1);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    // ---------------------------------------------------------------- cron

    @Test
    void cronWorkflowsArePutListedScheduledAndDeleted() {
        CronRecord nightly = new CronRecord("ns", "nightly", "schedule: '0 2 * * *'", false, null, T0);
        assertThat(store.crons().put(nightly)).isEqualTo(nightly);
        store.crons().put(new CronRecord("ns", "hourly", "schedule: '0 * * * *'", true, null, T0));
        store.crons().put(new CronRecord("zz", "other", "x", false, null, T0));

        assertThat(store.crons().updateLastScheduled("ns", "nightly", T0.plusSeconds(60))).isTrue();
        assertThat(store.crons().updateLastScheduled("ns", "missing", T0)).isFalse();
        CronRecord updated = store.crons().put(
                new CronRecord("ns", "nightly", "schedule: '0 3 * * *'", true, null, T0.plusSeconds(999)));

        assertThat(updated).isEqualTo(
                new CronRecord("ns", "nightly", "schedule: '0 3 * * *'", true, T0.plusSeconds(60), T0));
        assertThat(store.crons().get("ns", "nightly")).contains(updated);
        assertThat(store.crons().list("ns")).extracting(CronRecord::name).containsExactly("hourly", "nightly");
        assertThat(store.crons().list(null)).extracting(CronRecord::name).containsExactly("hourly", "nightly", "other");
        assertThat(store.crons().delete("ns", "nightly")).isTrue();
        assertThat(store.crons().delete("ns", "nightly")).isFalse();
        assertThat(store.crons().get("ns", "nightly")).isEmpty();
    }

    @Test
    void cronStatusIsWrittenOnlyByTheWriterThatReadTheCurrentVersion() {
        store.crons().put(new CronRecord("ns", "nightly", "schedule: '0 2 * * *'", false, null, T0));
        CronStatus running = new CronStatus(List.of("nightly-1772359200", "nightly-1772445600"), 3, 1, false);

        assertThat(store.crons().updateStatus("ns", "nightly", 0, T0.plusSeconds(60), running)).isTrue();
        // a second engine that read version 0 too loses: the time it wanted to claim is already claimed
        assertThat(store.crons().updateStatus("ns", "nightly", 0, T0.plusSeconds(60), CronStatus.NONE)).isFalse();
        assertThat(store.crons().updateStatus("ns", "missing", 0, T0, CronStatus.NONE)).isFalse();
        // submitting the cron workflow again keeps its status and version
        store.crons().put(new CronRecord("ns", "nightly", "schedule: '0 3 * * *'", true, null, T0.plusSeconds(5)));

        CronRecord stored = store.crons().get("ns", "nightly").orElseThrow();
        assertThat(stored).isEqualTo(new CronRecord("ns", "nightly", "schedule: '0 3 * * *'", true,
                T0.plusSeconds(60), T0, running, 1));
        CronStatus stopped = new CronStatus(List.of(), 4, 1, true);
        assertThat(store.crons().updateStatus("ns", "nightly", 1, T0.plusSeconds(60), stopped)).isTrue();
        assertThat(store.crons().list("ns").getFirst().status()).isEqualTo(stopped);
        assertThat(store.crons().list("ns").getFirst().statusVersion()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- artifact index

    @Test
    void theArtifactIndexListsARunsEntriesAndEveryLiveDigest() {
        created("r1");
        created("r2");
        IndexEntry out = new IndexEntry("r1", "n2", "out", IndexKind.ARTIFACT, "sha256:aa", 100);
        IndexEntry log = new IndexEntry("r1", "n1", "main", IndexKind.LOG_STDOUT, "sha256:bb", 5);
        IndexEntry value = new IndexEntry("r2", "n1", "result", IndexKind.VALUE, "sha256:aa", 100);

        store.artifactIndex().add(List.of(out, log, value));
        IndexEntry replaced = new IndexEntry("r1", "n2", "out", IndexKind.ARTIFACT, "sha256:cc", 7);
        store.artifactIndex().add(List.of(replaced));

        assertThat(store.artifactIndex().list("r1")).containsExactly(log, replaced);
        assertThat(store.artifactIndex().list("r2")).containsExactly(value);
        assertThat(store.artifactIndex().liveDigests()).containsExactlyInAnyOrder("sha256:aa", "sha256:bb", "sha256:cc");
        assertThatThrownBy(() -> store.artifactIndex().add(List.of(
                new IndexEntry("missing", "n", "x", IndexKind.ARTIFACT, "sha256:dd", 1))))
                .isInstanceOf(StoreException.class);
        assertThat(store.artifactIndex().liveDigests()).doesNotContain("sha256:dd");
    }

    // ---------------------------------------------------------------- memo

    @Test
    void memoEntriesAreReplacedAndTouched() {
        MemoEntry first = new MemoEntry("cache", "k1", "{\"v\":1}", "n1", T0, null);
        store.memoCache().put(first);
        MemoEntry second = new MemoEntry("cache", "k1", "{\"v\":2}", "n9", T0.plusSeconds(5), null);
        store.memoCache().put(second);
        store.memoCache().put(new MemoEntry("other", "k1", "{\"v\":3}", "n1", T0, null));

        assertThat(store.memoCache().get("cache", "k1")).contains(second);
        assertThat(store.memoCache().touch("cache", "k1", T0.plusSeconds(9))).isTrue();
        assertThat(store.memoCache().get("cache", "k1").map(MemoEntry::lastHitAt)).contains(T0.plusSeconds(9));
        assertThat(store.memoCache().get("other", "k1").map(MemoEntry::outputsJson)).contains("{\"v\":3}");
        assertThat(store.memoCache().touch("cache", "missing", T0)).isFalse();
        assertThat(store.memoCache().get("cache", "missing")).isEmpty();
    }

    // ---------------------------------------------------------------- locks

    @Test
    void aMutexAdmitsOneHolderAndReacquiringIsIdempotent() {
        assertThat(store.locks().tryAcquire("ns/Mutex/m", "run1/a", 1)).isTrue();
        assertThat(store.locks().tryAcquire("ns/Mutex/m", "run1/a", 1)).isTrue();
        assertThat(store.locks().tryAcquire("ns/Mutex/m", "run2/b", 1)).isFalse();
        assertThat(store.locks().holders("ns/Mutex/m")).containsExactly("run1/a");

        assertThat(store.locks().release("ns/Mutex/m", "run2/b")).isFalse();
        assertThat(store.locks().release("ns/Mutex/m", "run1/a")).isTrue();
        assertThat(store.locks().tryAcquire("ns/Mutex/m", "run2/b", 1)).isTrue();
        assertThat(store.locks().holders("ns/Mutex/m")).containsExactly("run2/b");
        assertThat(store.locks().holders("ns/Mutex/none")).isEmpty();
    }

    @Test
    void aSemaphoreAdmitsUpToItsLimitInOrder() {
        assertThat(store.locks().tryAcquire("sem", "h1", 2)).isTrue();
        assertThat(store.locks().tryAcquire("sem", "h2", 2)).isTrue();
        assertThat(store.locks().tryAcquire("sem", "h3", 2)).isFalse();
        assertThat(store.locks().tryAcquire("sem", "h3", 3)).as("a raised limit admits more").isTrue();
        assertThat(store.locks().tryAcquire("other", "h1", 1)).isTrue();

        assertThat(store.locks().holders("sem")).containsExactly("h1", "h2", "h3");
    }

    @Test
    void releaseAllHeldByFreesEveryLockOfTheHoldersWithThePrefixLiterally() {
        store.locks().tryAcquire("a", "run_1/x", 5);
        store.locks().tryAcquire("b", "run_1/y", 5);
        store.locks().tryAcquire("a", "runX1/z", 5);
        store.locks().tryAcquire("a", "run%1/z", 5);

        assertThat(store.locks().releaseAllHeldBy("run_1/")).isEqualTo(2);

        assertThat(store.locks().holders("a")).containsExactly("runX1/z", "run%1/z");
        assertThat(store.locks().holders("b")).isEmpty();
        assertThat(store.locks().releaseAllHeldBy("run%")).isEqualTo(1);
        assertThat(store.locks().holders("a")).containsExactly("runX1/z");
    }

    @Test
    void concurrentAcquirersNeverExceedTheLimit() throws Exception {
        List<Boolean> results = inParallel(8, worker -> () -> store.locks().tryAcquire("sem", "h" + worker, 3));

        assertThat(results.stream().filter(b -> b)).hasSize(3);
        assertThat(store.locks().holders("sem")).hasSize(3);
    }

    // ---------------------------------------------------------------- helpers

    /** Runs one task per worker at the same time and returns their results in worker order. */
    protected static <T> List<T> inParallel(int workers, java.util.function.IntFunction<Callable<T>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Callable<T> body = task.apply(w);
                futures.add(pool.submit(() -> {
                    start.await();
                    return body.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- API tokens

    @Test
    void aTokenIsFoundByItsDigestWithEveryField() {
        TokenRecord token = new TokenRecord("ci", "ab".repeat(32), "team-a", "editor", T0,
                T0.plus(Duration.ofDays(30)), null, null);
        store.tokens().create(token);

        assertThat(store.tokens().findByDigest("ab".repeat(32))).contains(token);
        assertThat(store.tokens().findByDigest("cd".repeat(32))).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryKeepsNoExpiry() {
        store.tokens().create(new TokenRecord("forever", "ab".repeat(32), "*", "admin", T0));

        TokenRecord found = store.tokens().findByDigest("ab".repeat(32)).orElseThrow();
        assertThat(found.expiresAt()).isNull();
        assertThat(found.standingAt(T0.plus(Duration.ofDays(36500)))).isEqualTo(TokenStanding.ACTIVE);
    }

    @Test
    void aTokenNameOrDigestIsTakenOnlyOnce() {
        store.tokens().create(new TokenRecord("ci", "ab".repeat(32), "team-a", "editor", T0));

        assertThatThrownBy(() -> store.tokens().create(new TokenRecord("ci", "cd".repeat(32), "*", "admin", T0)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.tokens().create(new TokenRecord("other", "ab".repeat(32), "*", "admin", T0)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.tokens().list()).extracting(TokenRecord::name).containsExactly("ci");
    }

    @Test
    void aRevokedTokenStaysListedAndFoundAsRevokedAndItsNameStaysTaken() {
        store.tokens().create(new TokenRecord("zeta", "01".repeat(32), "*", "admin", T0));
        store.tokens().create(new TokenRecord("alpha", "02".repeat(32), "ns", "viewer", T0.plusSeconds(1)));

        assertThat(store.tokens().list()).extracting(TokenRecord::name).containsExactly("alpha", "zeta");
        assertThat(store.tokens().revoke("zeta", T0.plusSeconds(5))).isTrue();
        assertThat(store.tokens().revoke("zeta", T0.plusSeconds(9))).as("revoked already").isFalse();
        assertThat(store.tokens().revoke("absent", T0)).isFalse();

        TokenRecord revoked = store.tokens().findByDigest("01".repeat(32)).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(revoked.standingAt(T0.plusSeconds(6))).isEqualTo(TokenStanding.REVOKED);
        assertThat(store.tokens().findByDigest("02".repeat(32)).orElseThrow().standingAt(T0.plusSeconds(6)))
                .isEqualTo(TokenStanding.ACTIVE);
        assertThat(store.tokens().list()).extracting(TokenRecord::name).containsExactly("alpha", "zeta");
        assertThatThrownBy(() -> store.tokens().create(new TokenRecord("zeta", "03".repeat(32), "*", "admin", T0)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aTokenPastItsExpiryIsExpired() {
        store.tokens().create(new TokenRecord("short", "01".repeat(32), "ns", "viewer", T0,
                T0.plus(Duration.ofHours(12)), null, null));
        TokenRecord found = store.tokens().findByDigest("01".repeat(32)).orElseThrow();

        assertThat(found.standingAt(T0.plus(Duration.ofHours(12)).minusMillis(1))).isEqualTo(TokenStanding.ACTIVE);
        assertThat(found.standingAt(T0.plus(Duration.ofHours(12)))).isEqualTo(TokenStanding.EXPIRED);
    }

    @Test
    void theLastUseOfATokenIsRecordedAndNeverMovesBack() {
        store.tokens().create(new TokenRecord("ci", "01".repeat(32), "ns", "viewer", T0));
        assertThat(store.tokens().list().getFirst().lastUsedAt()).isNull();

        store.tokens().recordUse("ci", T0.plusSeconds(120));
        store.tokens().recordUse("ci", T0.plusSeconds(60));
        store.tokens().recordUse("absent", T0.plusSeconds(60));

        assertThat(store.tokens().findByDigest("01".repeat(32)).orElseThrow().lastUsedAt())
                .isEqualTo(T0.plusSeconds(120));
    }
}
