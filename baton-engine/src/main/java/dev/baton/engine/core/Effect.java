package dev.baton.engine.core;

import dev.baton.model.run.WorkflowPhase;

import java.time.Duration;
import java.time.Instant;

/** What the {@link Scheduler} asks the runtime to do once the new state is recorded. Imperative names. */
public sealed interface Effect {

    /** Start one attempt of a leaf step. */
    record LaunchStep(String nodeId, int attempt, ResolvedStep step) implements Effect {
    }

    /** Kill a running attempt. */
    record CancelStep(String nodeId, int attempt, String reason) implements Effect {
    }

    /** Deliver {@link RunEvent.TimerFired} for this node and purpose at {@code at}. */
    record ScheduleTimer(String nodeId, String purpose, Instant at) implements Effect {
    }

    /** Look up memoized outputs; the answer comes back as {@link RunEvent.MemoLookedUp}. */
    record LookUpMemo(String nodeId, String cacheName, String key, Duration maxAge) implements Effect {
    }

    /** Remember a node's outputs under a memoization key. */
    record SaveMemo(String cacheName, String key, String nodeId, MemoOutputs outputs) implements Effect {
    }

    /** Take a mutex ({@code limit} 1) or a semaphore slot; {@link RunEvent.LockAcquired} says when it is held. */
    record AcquireLock(String holder, String lock, int limit) implements Effect {
    }

    /** Give a lock back. */
    record ReleaseLock(String holder, String lock) implements Effect {
    }

    /** The run reached its final phase. */
    record FinishRun(WorkflowPhase phase, String message) implements Effect {
    }
}
