package dev.baton.engine.runtime;

import dev.baton.engine.core.Decision;
import dev.baton.engine.core.Effect;
import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The imperative shell around the {@link Scheduler} for one run: a single thread takes events from a
 * queue, applies them, and carries out the effects — launching steps through the driver, arming
 * timers — while drivers and timers feed their observations back into the queue.
 */
public final class RunLoop {
    private final Scheduler scheduler = new Scheduler();
    private final Driver driver;
    private final StepPreparation preparation;
    private final StepCollection collection;
    private final Clock clock;
    private final RunListener listener;
    private final MemoCache memoCache;
    private final LockService locks;
    private final Semaphore stepSlots;
    private RunJournal journal = RunJournal.NONE;
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, AttemptId> attempts = new HashMap<>();
    /** Attempts whose report is queued, by node and attempt: their work areas go once the report is recorded. */
    private final Map<String, StepPreparation.Prepared> reported = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "baton-timers");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    /** Removes work areas; finishes its queue when the loop ends, unlike {@link #workers}. */
    private final ExecutorService cleanup = Executors.newVirtualThreadPerTaskExecutor();

    public RunLoop(Driver driver, StepPreparation preparation, StepCollection collection, Clock clock,
                   RunListener listener) {
        this(driver, preparation, collection, clock, listener, new InMemoryMemoCache(), new LocalLockService(),
                defaultParallelSteps());
    }

    /**
     * @param maxParallelSteps how many steps may run at once on this machine (0: no limit); steps beyond it
     *                         wait for a slot, so a 10,000-wide fan-out does not start 10,000 processes at once
     */
    public RunLoop(Driver driver, StepPreparation preparation, StepCollection collection, Clock clock,
                   RunListener listener, MemoCache memoCache, LockService locks, int maxParallelSteps) {
        this.stepSlots = new Semaphore(maxParallelSteps <= 0 ? Integer.MAX_VALUE : maxParallelSteps, true);
        this.memoCache = memoCache;
        this.locks = locks;
        this.driver = driver;
        this.preparation = preparation;
        this.collection = collection;
        this.clock = clock;
        this.listener = listener;
    }

    /** Records the run's progress in {@code journal} before acting on it (default: nowhere). */
    public RunLoop journal(RunJournal journal) {
        this.journal = journal;
        return this;
    }

    /** Runs a new run until it reaches a final phase. */
    public RunState run(RunState state) throws InterruptedException {
        journal.begin(state);
        events.add(new RunEvent.RunStarted());
        return loop(state);
    }

    /**
     * Continues a run rebuilt from its log: what was in flight when the engine stopped is carried out again —
     * steps are re-attached (never started anew), timers re-armed, lookups and lock requests repeated.
     */
    public RunState resume(RunState restored) throws InterruptedException {
        journal.begin(restored);
        for (Effect effect : restored.outstanding()) {
            if (effect instanceof Effect.LaunchStep launch) {
                reattach(restored, launch);
            } else {
                carryOut(restored, effect);
            }
        }
        return loop(restored);
    }

    private static final int BATCH = 256;

    private RunState loop(RunState state) throws InterruptedException {
        String runName = state.runName();
        var keepAlive = timers.scheduleAtFixedRate(() -> {
            try {
                journal.keepAlive();
            } catch (dev.baton.spi.store.FencedException e) {
                events.add(new RunEvent.CancelRequested("lost ownership of the run: another engine took it over"));
            } catch (RuntimeException e) {
                // the store's own message (SQL, driver, file paths) goes to the log, not into the run
                System.err.println("baton: renewing the lease of run " + runName + " failed:");
                e.printStackTrace();
                events.add(new RunEvent.CancelRequested("lost ownership of the run: the store could not be "
                        + "reached to renew it"));
            }
        }, 10, 10, TimeUnit.SECONDS);
        try {
            List<RunJournal.TimedEvent> applied = new ArrayList<>();
            List<Effect> effects = new ArrayList<>();
            while (!state.phase().isFinished()) {
                RunEvent event = events.take();
                applied.clear();
                effects.clear();
                do {
                    Instant now = clock.instant();
                    Decision decision = scheduler.apply(state, event, now);
                    state = decision.next();
                    applied.add(new RunJournal.TimedEvent(event, now));
                    effects.addAll(decision.effects());
                } while (applied.size() < BATCH && !state.phase().isFinished() && (event = events.poll()) != null);
                List<NodeState> changed = state.takeChanged();
                journal.record(state, applied, changed);
                releaseReported(applied);
                for (Effect effect : effects) {
                    carryOut(state, effect);
                }
                listener.updated(state, changed);
            }
            return state;
        } finally {
            keepAlive.cancel(false);
            journal.end(state);
            if (state.phase().isFinished()) {
                reported.values().forEach(collection::release);
            }
            timers.shutdownNow();
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
            cleanup.shutdown();
            cleanup.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Work areas of attempts whose reports were just recorded are no longer needed to recover them. */
    private void releaseReported(List<RunJournal.TimedEvent> applied) {
        for (RunJournal.TimedEvent timed : applied) {
            if (timed.event() instanceof RunEvent.StepFinished finished) {
                StepPreparation.Prepared prepared = reported.remove(finished.nodeId() + "/" + finished.attempt());
                if (prepared != null) {
                    cleanup.execute(() -> collection.release(prepared));
                }
            }
        }
    }

    /** Four steps per processor, at least 8: enough to keep a machine busy with short steps. */
    public static int defaultParallelSteps() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Asks the run to stop: running steps are killed and the run ends Failed with the message. */
    public void cancel(String message) {
        events.add(new RunEvent.CancelRequested(message));
    }

    /** Asks the run to stop gracefully: running steps are killed, the exit handler runs, the run ends Failed. */
    public void stop(String message) {
        events.add(new RunEvent.StopRequested(message));
    }

    /** Suspends the whole run: no new step starts until {@link #resumeSuspended()}; running steps go on. */
    public void suspend() {
        events.add(new RunEvent.SuspendRequested());
    }

    /** Resumes a suspended run and ends its suspended nodes. */
    public void resumeSuspended() {
        events.add(new RunEvent.ResumeRequested());
    }

    private void carryOut(RunState state, Effect effect) {
        switch (effect) {
            case Effect.LaunchStep launch -> launch(state, launch);
            case Effect.CancelStep cancel -> {
                AttemptId id = attempts.remove(cancel.nodeId());
                if (id != null) {
                    driver.cancel(id, cancel.reason());
                }
            }
            case Effect.ScheduleTimer timer -> {
                long delay = Math.max(0, Duration.between(clock.instant(), timer.at()).toMillis());
                timers.schedule(() -> events.add(new RunEvent.TimerFired(timer.nodeId(), timer.purpose())), delay,
                        TimeUnit.MILLISECONDS);
            }
            case Effect.LookUpMemo lookUp -> events.add(new RunEvent.MemoLookedUp(lookUp.nodeId(),
                    memoCache.find(lookUp.cacheName(), lookUp.key(), clock.instant(), lookUp.maxAge())));
            case Effect.SaveMemo save -> memoCache.save(save.cacheName(), save.key(), save.nodeId(), save.outputs(),
                    clock.instant());
            case Effect.AcquireLock acquire -> locks.acquire(acquire.holder(), acquire.lock(), acquire.limit(),
                    () -> events.add(new RunEvent.LockAcquired(acquire.holder(), acquire.lock())));
            case Effect.ReleaseLock release -> locks.release(release.holder(), release.lock());
            case Effect.FinishRun finish -> {
            }
        }
    }

    /**
     * Picks up a step that was launched before the engine stopped. The driver decides from what the attempt left
     * whether it ran; one that never started is started now, exactly once, from a fresh work area.
     */
    private void reattach(RunState state, Effect.LaunchStep launch) {
        RunKey run = RunKey.of(state.context());
        AttemptId id = new AttemptId(run.uid(), launch.nodeId(), launch.attempt());
        attempts.put(launch.nodeId(), id);
        workers.execute(() -> {
            StepPreparation.Prepared prepared;
            try {
                prepared = preparation.describe(run, id, launch.step());
            } catch (Exception e) {
                events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                        RunEvent.StepReport.failed(preparation.failureText().describe(e))));
                return;
            }
            if (prepared.failure() != null) {
                events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                        RunEvent.StepReport.failed(prepared.failure())));
                return;
            }
            if (!driver.reattach(prepared.launch(), listenerFor(launch, prepared, false))) {
                // Whatever an interrupted preparation left is replaced.
                WorkAreas.delete(prepared.workArea());
                start(run, id, launch);
            }
        });
    }

    private StepListener listenerFor(Effect.LaunchStep launch, StepPreparation.Prepared prepared, boolean holdsSlot) {
        return new StepListener() {
            @Override
            public void started(AttemptId attempt) {
                events.add(new RunEvent.StepStarted(launch.nodeId(), launch.attempt()));
            }

            @Override
            public void finished(AttemptId attempt, StepOutcome outcome) {
                if (holdsSlot) {
                    stepSlots.release();
                }
                RunEvent.StepReport report = collection.collect(launch.step(), prepared, outcome);
                reported.put(launch.nodeId() + "/" + launch.attempt(), prepared);
                events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(), report));
            }
        };
    }

    private void launch(RunState state, Effect.LaunchStep launch) {
        RunKey run = RunKey.of(state.context());
        // keyed by uid: the driver tells attempts apart by this id, and two runs may share a name
        AttemptId id = new AttemptId(run.uid(), launch.nodeId(), launch.attempt());
        attempts.put(launch.nodeId(), id);
        workers.execute(() -> start(run, id, launch));
    }

    /** Prepares the attempt's work area and starts it, once a step slot is free; on a worker thread. */
    private void start(RunKey run, AttemptId id, Effect.LaunchStep launch) {
        try {
            stepSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        StepPreparation.Prepared prepared;
        try {
            prepared = preparation.prepare(run, id, launch.step());
        } catch (Exception e) {
            stepSlots.release();
            events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                    RunEvent.StepReport.failed(preparation.failureText().describe(e))));
            return;
        }
        if (prepared.failure() != null) {
            stepSlots.release();
            events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                    RunEvent.StepReport.failed(prepared.failure())));
            return;
        }
        driver.start(prepared.launch(), listenerFor(launch, prepared, true));
    }
}
