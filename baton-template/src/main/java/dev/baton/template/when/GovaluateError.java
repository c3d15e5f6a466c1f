package dev.baton.template.when;

/** A govaluate lexing, planning or evaluation failure, carrying govaluate's own message. */
final class GovaluateError extends RuntimeException {

    GovaluateError(String message) {
        super(message, null, false, false);
    }
}
