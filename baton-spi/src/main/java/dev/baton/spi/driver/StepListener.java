package dev.baton.spi.driver;

/** Receives what a driver observes about the attempts it runs; called from the driver's threads. */
public interface StepListener {
    /** The attempt's process is running. */
    void started(AttemptId attempt);

    /** The attempt ended; called exactly once per started attempt. */
    void finished(AttemptId attempt, StepOutcome outcome);
}
