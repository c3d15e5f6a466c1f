package dev.baton.driver.process;

/** A launch the driver cannot prepare (a path it cannot place, an input it cannot read); becomes a Failed outcome. */
final class StepSetupException extends Exception {
    StepSetupException(String message) {
        super(message);
    }

    StepSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
