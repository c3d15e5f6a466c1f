package dev.baton.template.when;

/** A {@code when} condition that cannot be parsed or evaluated, or that does not yield a boolean. */
public final class WhenException extends RuntimeException {

    public WhenException(String message) {
        super(message);
    }
}
