package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.GoDuration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The engine's pure core: given a run's state, one event and the current time, it moves the state
 * forward and returns the effects to carry out. No I/O, no clock, no threads.
 */
public final class Scheduler {
    static final String DEADLINE = "deadline";

    public Decision apply(RunState state, RunEvent event, Instant now) {
        if (event instanceof RunEvent.RetryRequested) {
            return RunRetry.retry(this, state, now);
        }
        Tick tick = new Tick(state, now);
        if (state.phase().isFinished() && !(event instanceof RunEvent.StepFinished)) {
            return new Decision(state, tick.effects());
        }
        switch (event) {
            case RunEvent.RunStarted started -> start(tick);
            case RunEvent.StepStarted started -> {
                LeafProgress leaf = state.runningLeaves().get(started.nodeId());
                if (leaf != null && leaf.attempt() == started.attempt()) {
                    leaf.started(tick);
                    state.touch(leaf.node());
                }
            }
            case RunEvent.StepFinished finished -> {
                LeafProgress leaf = state.runningLeaves().get(finished.nodeId());
                if (leaf != null && leaf.attempt() == finished.attempt()) {
                    state.answered(OutstandingKeys.step(finished.nodeId()));
                    leaf.finished(tick, finished.report());
                }
            }
            case RunEvent.TimerFired fired -> {
                state.answered(OutstandingKeys.timer(fired.nodeId(), fired.purpose()));
                if (fired.nodeId().equals(state.runName()) && DEADLINE.equals(fired.purpose())) {
                    terminate(tick, "Step exceeded its deadline", "Workflow exceeded its deadline");
                } else {
                    Consumer<Tick> timer = state.timers().remove(fired.nodeId() + "/" + fired.purpose());
                    if (timer != null) {
                        timer.accept(tick);
                    }
                }
            }
            case RunEvent.CancelRequested cancel -> terminate(tick, cancel.message(), cancel.message());
            case RunEvent.StopRequested stop -> stop(tick, stop.message());
            case RunEvent.RetryRequested retry -> throw new IllegalStateException("a retry rebuilds the run first");
            case RunEvent.SuspendRequested suspend -> state.suspend();
            case RunEvent.ResumeRequested resume -> {
                SuspendProgress.resumeAll(tick);
                for (Consumer<Tick> launch : state.unsuspend()) {
                    launch.accept(tick);
                }
            }
            case RunEvent.MemoLookedUp memo -> {
                state.answered(OutstandingKeys.memo(memo.nodeId()));
                TemplateInvoker.memoLookedUp(tick, memo.nodeId(), memo.outputs());
            }
            case RunEvent.LockAcquired lock -> {
                state.answered(OutstandingKeys.lock(lock.holder(), lock.lock()));
                Consumer<Tick> waiting = state.lockWaits().remove(lock.holder() + "\n" + lock.lock());
                if (waiting != null) {
                    waiting.accept(tick);
                }
            }
        }
        tick.drain();
        state.lifecycleHooks().evaluate(tick);
        tick.drain();
        return new Decision(state, tick.effects());
    }

    private static void start(Tick tick) {
        if (tick.state.phase() != WorkflowPhase.Pending) {
            return;
        }
        var deadline = tick.state.context().spec().activeDeadlineSeconds();
        if (deadline != null) {
            Duration d = GoDuration.parse(deadline.text()).orElse(null);
            if (d != null) {
                tick.emit(new Effect.ScheduleTimer(tick.state.runName(), DEADLINE, tick.now.plus(d)));
            }
        }
        RootProgress.start(tick);
    }

    /**
     * Stops gracefully: running steps are killed (their nodes fail when the driver reports them), suspended nodes
     * fail, waiting retries give up, no new node starts; the exit handler then runs and the run ends Failed.
     */
    private static void stop(Tick tick, String message) {
        RunState state = tick.state;
        if (state.phase() == WorkflowPhase.Pending) {
            terminate(tick, message, message);
            return;
        }
        state.stop(message);
        for (Consumer<Tick> held : state.unsuspend()) {
            held.accept(tick);
        }
        for (LeafProgress leaf : new ArrayList<>(state.runningLeaves().values())) {
            tick.emit(new Effect.CancelStep(leaf.node().id(), leaf.attempt(), message));
        }
        for (String key : new ArrayList<>(state.timers().keySet())) {
            int slash = key.lastIndexOf('/');
            String nodeId = key.substring(0, slash);
            String purpose = key.substring(slash + 1);
            Consumer<Tick> timer = state.timers().remove(key);
            state.answered(OutstandingKeys.timer(nodeId, purpose));
            NodeState node = state.node(nodeId);
            if (purpose.equals(SuspendProgress.TIMER) && node != null) {
                tick.finish(node, NodePhase.Failed, message);
            } else {
                timer.accept(tick);
            }
        }
    }

    /** Stops everything now: running steps are killed, unfinished nodes fail, no exit handler runs. */
    private static void terminate(Tick tick, String nodeMessage, String runMessage) {
        RunState state = tick.state;
        state.shutDown();
        state.unsuspend();
        for (LeafProgress leaf : new ArrayList<>(state.runningLeaves().values())) {
            tick.emit(new Effect.CancelStep(leaf.node().id(), leaf.attempt(), nodeMessage));
        }
        state.runningLeaves().clear();
        state.timers().clear();
        state.clearOutstanding();
        state.lockWaits().clear();
        state.heldLocks().forEach((lock, holders) -> holders.forEach(h -> tick.emit(new Effect.ReleaseLock(h, lock))));
        state.heldLocks().values().forEach(java.util.Set::clear);
        for (NodeState node : state.nodes()) {
            if (!node.isFulfilled()) {
                node.finish(tick.now, NodePhase.Failed, nodeMessage);
                state.touch(node);
            }
        }
        state.end(tick.now, WorkflowPhase.Failed, runMessage);
        tick.emit(new Effect.FinishRun(WorkflowPhase.Failed, runMessage));
    }
}
