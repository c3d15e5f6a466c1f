package dev.baton.spi.driver;

import java.nio.file.Path;
import java.util.Map;

/** How an attempt ended, as observed by its driver. */
public sealed interface StepOutcome {

    /**
     * The main process exited (possibly killed at its deadline).
     *
     * @param exitCode  the exit status (128 + signal when killed by a signal)
     * @param stdout    a file holding everything the step wrote to standard output
     * @param stderr    a file holding everything the step wrote to standard error
     * @param collected for each declared output key, where its file or directory now is on the host;
     *                  keys whose path did not exist are absent
     * @param deadlineExceeded whether the driver killed the step because its deadline passed
     */
    record Exited(int exitCode, Path stdout, Path stderr, Map<String, Path> collected, boolean deadlineExceeded)
            implements StepOutcome {
        public Exited {
            collected = Map.copyOf(collected);
        }
    }

    /** The step could not be started or observed (bad command, missing program, sandbox failure). */
    record Failed(String message) implements StepOutcome {
    }

    /** The step was cancelled on request before it finished. */
    record Cancelled(String reason, Path stdout, Path stderr) implements StepOutcome {
    }
}
