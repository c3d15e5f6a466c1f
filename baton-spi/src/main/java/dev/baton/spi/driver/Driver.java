package dev.baton.spi.driver;

/**
 * Runs leaf steps somewhere: on the host, in a container, in a pod, … Calls are idempotent per
 * attempt and return quickly; what happens next is reported to the {@link StepListener}.
 */
public interface Driver extends AutoCloseable {
    /** Starts an attempt unless it is already running or finished. */
    void start(StepLaunch launch, StepListener listener);

    /**
     * Observes an attempt that an earlier engine process started (after a crash or restart): report when it
     * ends if it still runs, or the outcome it recorded if it ended meanwhile. A driver that cannot know
     * reports {@link StepOutcome.Failed} saying the step was lost, so that retries decide what happens next;
     * it never starts the step again on its own.
     */
    default void reattach(StepLaunch launch, StepListener listener) {
        listener.finished(launch.attempt(), new StepOutcome.Failed(
                "the step's process was lost when the engine stopped; it was not run again"));
    }

    /** Kills the attempt's processes; the listener then receives {@link StepOutcome.Cancelled}. */
    void cancel(AttemptId attempt, String reason);

    /** Stops everything still running and releases resources. */
    @Override
    void close();
}
