package dev.baton.engine.runtime;

import dev.baton.engine.core.Decision;
import dev.baton.engine.core.Effect;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
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
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, AttemptId> attempts = new HashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "baton-timers");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

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

    /** Runs until the run reaches a final phase. */
    public RunState run(RunState state) throws InterruptedException {
        events.add(new RunEvent.RunStarted());
        try {
            while (!state.phase().isFinished()) {
                RunEvent event = events.take();
                Decision decision = scheduler.apply(state, event, clock.instant());
                state = decision.next();
                for (Effect effect : decision.effects()) {
                    carryOut(state, effect);
                }
                listener.updated(state);
            }
            return state;
        } finally {
            timers.shutdownNow();
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
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

    private void launch(RunState state, Effect.LaunchStep launch) {
        AttemptId id = new AttemptId(state.runName(), launch.nodeId(), launch.attempt());
        attempts.put(launch.nodeId(), id);
        workers.execute(() -> {
            try {
                stepSlots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            StepPreparation.Prepared prepared;
            try {
                prepared = preparation.prepare(id, launch.step());
            } catch (Exception e) {
                stepSlots.release();
                events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                        RunEvent.StepReport.failed(StepPreparation.describe(e))));
                return;
            }
            if (prepared.failure() != null) {
                stepSlots.release();
                events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                        RunEvent.StepReport.failed(prepared.failure())));
                return;
            }
            driver.start(prepared.launch(), new StepListener() {
                @Override
                public void started(AttemptId attempt) {
                    events.add(new RunEvent.StepStarted(launch.nodeId(), launch.attempt()));
                }

                @Override
                public void finished(AttemptId attempt, StepOutcome outcome) {
                    stepSlots.release();
                    RunEvent.StepReport report = collection.collect(launch.step(), prepared, outcome);
                    events.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(), report));
                }
            });
        });
    }
}
