package dev.baton.driver.process;

import java.time.Duration;
import java.util.Optional;

/**
 * A step that an earlier engine started and that still runs: its init is not this JVM's child, so its end
 * is seen by polling the {@code exit-status} its init writes (with back-off), and its tree is signalled
 * through the recorded PID while that PID is still the same process.
 */
final class WatchedProcess implements StepProcess {
    /** The exit code reported when the init vanished without recording a status (it was killed). */
    static final int VANISHED = 128 + 9;
    private static final long MIN_POLL_MILLIS = 20;
    private static final long MAX_POLL_MILLIS = 500;

    private final AttemptFiles files;
    private final RecordedInit init;
    private volatile boolean vanished;

    WatchedProcess(AttemptFiles files, RecordedInit init) {
        this.files = files;
        this.init = init;
    }

    @Override
    public Optional<ProcessHandle> root() {
        return init.handle();
    }

    @Override
    public boolean waitFor(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long pause = MIN_POLL_MILLIS;
        while (!ended()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(pause, left));
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
        return true;
    }

    @Override
    public int exitCode() throws InterruptedException {
        while (!waitFor(Duration.ofHours(1).toMillis())) {
            // still running
        }
        return files.exitStatus().orElse(VANISHED);
    }

    /** Whether the init ended without recording how the step ended (killed, or its machine rebooted). */
    boolean vanished() {
        return vanished;
    }

    private boolean ended() {
        if (files.exitStatus().isPresent()) {
            return true;
        }
        if (!init.alive()) {
            vanished = files.exitStatus().isEmpty();
            return true;
        }
        return false;
    }
}
