package dev.baton.driver.process;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A started step as its attempt sees it: a process tree to signal and an exit status to wait for. */
interface StepProcess {

    /** The process whose tree is the step, while it lives; cancel and deadline signal it and its descendants. */
    Optional<ProcessHandle> root();

    /** Waits at most {@code millis} for the step's exit; false when it is still running. */
    boolean waitFor(long millis) throws InterruptedException;

    /** Waits for the step's exit and returns its status (128 + signal when a signal ended it). */
    int exitCode() throws InterruptedException;

    static StepProcess of(Process process) {
        return new Started(process);
    }

    /** A step started as a child process of this JVM. */
    record Started(Process process) implements StepProcess {
        @Override
        public Optional<ProcessHandle> root() {
            return Optional.of(process.toHandle());
        }

        @Override
        public boolean waitFor(long millis) throws InterruptedException {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public int exitCode() throws InterruptedException {
            return process.waitFor();
        }
    }
}
