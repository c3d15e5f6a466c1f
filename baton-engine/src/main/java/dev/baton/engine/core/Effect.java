package dev.baton.engine.core;

import dev.baton.model.run.WorkflowPhase;

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

    /** The run reached its final phase. */
    record FinishRun(WorkflowPhase phase, String message) implements Effect {
    }
}
