package dev.baton.engine.core;

import java.util.Map;

/** Something that happened to a run, fed to the {@link Scheduler}. Named in the past tense. */
public sealed interface RunEvent {

    /** The run was admitted and should begin. */
    record RunStarted() implements RunEvent {
    }

    /** A launched step's process is running. */
    record StepStarted(String nodeId, int attempt) implements RunEvent {
    }

    /** A launched step ended; what the driver observed, with output files already read. */
    record StepFinished(String nodeId, int attempt, StepReport report) implements RunEvent {
    }

    /** A timer set by {@link Effect.ScheduleTimer} went off. */
    record TimerFired(String nodeId, String purpose) implements RunEvent {
    }

    /** The answer to {@link Effect.LookUpMemo}: the stored outputs, or null when there are none (or they are too old). */
    record MemoLookedUp(String nodeId, MemoOutputs outputs) implements RunEvent {
    }

    /** A lock asked for with {@link Effect.AcquireLock} is now held. */
    record LockAcquired(String holder, String lock) implements RunEvent {
    }

    /** Somebody asked the run to stop now (Ctrl-C, terminate). */
    record CancelRequested(String message) implements RunEvent {
    }

    /**
     * Somebody asked the run to stop gracefully (Argo's {@code stop}): running steps are killed, nothing new starts
     * except the exit handler, and the run ends Failed with the message.
     */
    record StopRequested(String message) implements RunEvent {
    }

    /**
     * Somebody suspended the whole run (Argo's {@code suspend}, {@code spec.suspend: true}): no new step starts
     * until {@link ResumeRequested}; running steps go on.
     */
    record SuspendRequested() implements RunEvent {
    }

    /**
     * Somebody asked the run to resume (Argo's {@code resume}): a suspended run starts its held steps again and its
     * suspended nodes end.
     */
    record ResumeRequested() implements RunEvent {
    }

    /**
     * Somebody asked a finished Failed or Error run to run again (Argo's {@code retry}): Succeeded nodes and what
     * they produced are kept, failed nodes and the nodes around them run again with a fresh retry budget, and the
     * exit handler runs again. Any other run ignores it.
     */
    record RetryRequested() implements RunEvent {
    }

    /**
     * What became of a leaf step.
     *
     * @param exitCode         the main process's exit status, or null when it never ran
     * @param stdout           standard output (the {@code result}), or null when not captured
     * @param parameters       values read from declared output parameter paths; a missing file is absent
     * @param artifacts        output artifacts saved to the artifact store, by name
     * @param failure          why the step could not run or be observed (driver or infrastructure), or null
     * @param deadlineExceeded whether the step was killed at its deadline
     * @param cancelled        whether the step was cancelled on request
     * @param logs             the step's standard output and error kept in the artifact store ({@code stdout},
     *                         {@code stderr})
     */
    record StepReport(Integer exitCode, String stdout, Map<String, String> parameters,
                      Map<String, ArtifactRef> artifacts, String failure, boolean deadlineExceeded,
                      boolean cancelled, Map<String, ArtifactRef> logs) {
        public StepReport {
            parameters = Map.copyOf(parameters);
            artifacts = Map.copyOf(artifacts);
            logs = logs == null ? Map.of() : Map.copyOf(logs);
        }

        public static StepReport exited(int exitCode, String stdout, Map<String, String> parameters) {
            return new StepReport(exitCode, stdout, parameters, Map.of(), null, false, false, Map.of());
        }

        public static StepReport failed(String message) {
            return new StepReport(null, null, Map.of(), Map.of(), message, false, false, Map.of());
        }

        public StepReport withLogs(Map<String, ArtifactRef> kept) {
            return new StepReport(exitCode, stdout, parameters, artifacts, failure, deadlineExceeded, cancelled, kept);
        }
    }
}
