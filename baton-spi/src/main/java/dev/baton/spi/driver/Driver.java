package dev.baton.spi.driver;

/**
 * Runs leaf steps somewhere: on the host, in a container, in a pod, … Calls are idempotent per
 * attempt and return quickly; what happens next is reported to the {@link StepListener}.
 */
public interface Driver extends AutoCloseable {
    /** Starts an attempt unless it is already running or finished. */
    void start(StepLaunch launch, StepListener listener);

    /**
     * Observes an attempt that an earlier engine process may have started (after a crash or restart): reports
     * when it ends if it still runs, or the outcome it recorded if it ended meanwhile, and returns true. Returns
     * false, reporting nothing, only when the driver knows that no process of the attempt ever ran; the caller
     * then starts it with {@link #start}. A driver that cannot tell reports {@link StepOutcome.Failed} saying
     * the step was lost, so that retries decide what happens next; it never starts the step again on its own.
     *
     * @param launch the attempt as it was launched, without its input files placed again
     * @return whether the attempt had been started (and is now observed)
     */
    default boolean reattach(StepLaunch launch, StepListener listener) {
        listener.finished(launch.attempt(), new StepOutcome.Failed(
                "the step's process was lost when the engine stopped; it was not run again"));
        return true;
    }

    /** Kills the attempt's processes; the listener then receives {@link StepOutcome.Cancelled}. */
    void cancel(AttemptId attempt, String reason);

    /** Stops everything still running and releases resources. */
    @Override
    void close();
}
