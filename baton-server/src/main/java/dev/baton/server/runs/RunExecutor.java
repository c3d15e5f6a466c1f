package dev.baton.server.runs;

import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.engine.runtime.LocalLockService;
import dev.baton.engine.runtime.RunJournal;
import dev.baton.engine.runtime.RunListener;
import dev.baton.engine.runtime.RunLoop;
import dev.baton.engine.runtime.StepCollection;
import dev.baton.engine.runtime.StepPreparation;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.engine.runtime.durable.RunRecovery;
import dev.baton.engine.runtime.durable.StoreJournal;
import dev.baton.engine.runtime.durable.StoreMemoCache;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes stored runs, each in its own {@link RunLoop} journaled to the store under a lease, at most
 * {@code maxRunning} at once; the others wait in Pending, in the order they were submitted. Runs another engine
 * still owns are retried once its lease could have expired.
 */
public final class RunExecutor implements AutoCloseable {
    /** How long a run stays owned by this server without a renewal. */
    public static final Duration LEASE = Duration.ofSeconds(15);

    private final Store store;
    private final Driver driver;
    private final ArtifactFiles artifacts;
    private final Path home;
    private final Clock clock;
    private final String owner;
    private final RunListener listener;
    private final Semaphore slots;
    private final LocalLockService locks = new LocalLockService();
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Map<String, RunLoop> active = new ConcurrentHashMap<>();
    private final Map<String, List<java.util.function.Consumer<RunLoop>>> requests = new java.util.HashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "baton-run-retries");
        t.setDaemon(true);
        return t;
    });
    private final Thread dispatcher;
    private final List<Thread> runners = new ArrayList<>();
    private volatile boolean closing;

    public RunExecutor(Store store, Driver driver, ArtifactFiles artifacts, Path home, Clock clock, String owner,
                       int maxRunning, RunListener listener) {
        this.store = store;
        this.driver = driver;
        this.artifacts = artifacts;
        this.home = home;
        this.clock = clock;
        this.owner = owner;
        this.listener = listener;
        this.slots = new Semaphore(maxRunning, true);
        this.dispatcher = Thread.ofVirtual().name("baton-dispatcher").start(this::dispatch);
    }

    /** Queues every unfinished run in the store, oldest first (a restart takes over what it left). */
    public int takeOver() {
        List<RunSummary> unfinished = new ArrayList<>();
        RunQuery query = RunQuery.all().limit(RunQuery.MAX_LIMIT).withPhases(Set.of("Pending", "Running"));
        Page<RunSummary> page;
        do {
            page = store.runs().list(query);
            unfinished.addAll(page.items());
            query = query.after(page.nextCursor());
        } while (page.hasMore());
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            enqueue(unfinished.get(i).uid());
        }
        return unfinished.size();
    }

    /** Executes the stored run when a slot is free. */
    public void enqueue(String uid) {
        if (queued.add(uid)) {
            waiting.incrementAndGet();
            queue.add(uid);
        }
    }

    /** How many runs wait for a slot. */
    public int queueDepth() {
        return waiting.get();
    }

    /** How many runs are executing. */
    public int runningCount() {
        return active.size();
    }

    /** The loop executing the run, if this server is executing it now. */
    public Optional<RunLoop> loopOf(String uid) {
        return Optional.ofNullable(active.get(uid));
    }

    /**
     * Applies a request (stop, terminate, resume) to a run this server executes or has queued; a queued run gets
     * it as soon as its loop exists, before it starts. False when this server does not hold the run.
     */
    public boolean control(String uid, java.util.function.Consumer<RunLoop> request) {
        synchronized (requests) {
            RunLoop loop = active.get(uid);
            if (loop != null) {
                request.accept(loop);
                return true;
            }
            if (queued.contains(uid)) {
                requests.computeIfAbsent(uid, k -> new ArrayList<>()).add(request);
                return true;
            }
            return false;
        }
    }

    /**
     * Retries a finished Failed or Error run (Argo's {@code retry}): under the run's lease the retry is recorded in
     * its log, which reopens it as Running with its Succeeded nodes kept, and the run is queued to execute again,
     * its failed steps starting anew. Empty when another engine holds the run's lease.
     */
    public Optional<RunState> retry(RunRecord record) {
        Optional<Lease> lease = store.leases().acquire(record.uid(), owner, LEASE, clock.instant());
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        StoreJournal journal = new StoreJournal(store, owner, clock, LEASE).resuming(lease.get());
        RunState state = RunRecovery.restore(store, record);
        try {
            Instant now = clock.instant();
            RunEvent retry = new RunEvent.RetryRequested();
            new Scheduler().apply(state, retry, now);
            journal.record(state, List.of(new RunJournal.TimedEvent(retry, now)), state.takeChanged());
        } finally {
            journal.end(state);
        }
        if (!state.phase().isFinished()) {
            enqueue(record.uid());
        }
        return Optional.of(state);
    }

    /** Whether the run waits for a slot in this server. */
    public boolean isQueued(String uid) {
        return queued.contains(uid) && !active.containsKey(uid);
    }

    private void dispatch() {
        try {
            while (!closing) {
                String uid = queue.take();
                slots.acquire();
                waiting.decrementAndGet();
                Thread runner = Thread.ofVirtual().name("baton-run-" + uid).unstarted(() -> execute(uid));
                synchronized (runners) {
                    runners.removeIf(t -> !t.isAlive());
                    runners.add(runner);
                }
                runner.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(String uid) {
        boolean retry = false;
        try {
            Optional<RunRecord> record = store.runs().findByUid(uid);
            if (record.isEmpty() || record.get().finished()) {
                return;
            }
            Optional<Lease> lease = store.leases().acquire(uid, owner, LEASE, clock.instant());
            if (lease.isEmpty()) {
                retry = true;
                return;
            }
            RunState restored = RunRecovery.restore(store, record.get());
            StoreJournal journal = new StoreJournal(store, owner, clock, LEASE).resuming(lease.get());
            RunLoop loop = new RunLoop(driver, new StepPreparation(home.resolve("work"), artifacts),
                    new StepCollection(artifacts, false), clock, listener, new StoreMemoCache(store), locks,
                    RunLoop.defaultParallelSteps()).journal(journal);
            synchronized (requests) {
                active.put(uid, loop);
                requests.getOrDefault(uid, List.of()).forEach(r -> r.accept(loop));
                requests.remove(uid);
            }
            if (restored.phase() == WorkflowPhase.Pending) {
                loop.run(restored);
            } else {
                loop.resume(restored);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closing) {
                System.err.println("baton server: run " + uid + " stopped: " + e.getMessage());
                retry = true;
            }
        } finally {
            synchronized (requests) {
                active.remove(uid);
                queued.remove(uid);
            }
            slots.release();
            if (retry && !closing) {
                retries.schedule(() -> enqueue(uid), LEASE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Stops executing: running loops are interrupted, leaving each run's state in the store (a restart resumes
     * them); queued runs stay Pending.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        retries.shutdownNow();
        dispatcher.interrupt();
        List<Thread> toStop;
        synchronized (runners) {
            toStop = new ArrayList<>(runners);
        }
        toStop.forEach(Thread::interrupt);
        for (Thread t : toStop) {
            t.join(Duration.ofSeconds(30));
        }
    }
}
