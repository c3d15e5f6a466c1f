package dev.baton.driver.process;

/**
 * What an attempt's work area tells about it after the engine that started it stopped: the files that
 * {@code forkserver.py} and {@link AttemptRun} leave there decide whether it ran, runs or ended.
 */
sealed interface AttemptTrace {

    /** The driver never handed the attempt to a launcher: no process of it ever ran, so it may start now. */
    record NeverStarted() implements AttemptTrace {
    }

    /** The attempt's init recorded how the step ended (exit code, 128 + signal when a signal ended it). */
    record Ended(int exitCode) implements AttemptTrace {
    }

    /** The attempt's init still runs: its host PID and start time match a live process. */
    record Running(RecordedInit init) implements AttemptTrace {
    }

    /** The attempt was handed to a launcher but left no status and no live process: what it did is unknown. */
    record Lost() implements AttemptTrace {
    }
}
