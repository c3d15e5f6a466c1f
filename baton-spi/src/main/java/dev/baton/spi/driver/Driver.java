package dev.baton.spi.driver;

/**
 * Runs leaf steps somewhere: on the host, in a container, in a pod, … Calls are idempotent per
 * attempt and return quickly; what happens next is reported to the {@link StepListener}.
 */
public interface Driver extends AutoCloseable {
    /** Starts an attempt unless it is already running or finished. */
    void start(StepLaunch launch, StepListener listener);

    /** Kills the attempt's processes; the listener then receives {@link StepOutcome.Cancelled}. */
    void cancel(AttemptId attempt, String reason);

    /** Stops everything still running and releases resources. */
    @Override
    void close();
}
