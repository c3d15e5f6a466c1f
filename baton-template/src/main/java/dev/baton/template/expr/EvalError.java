package dev.baton.template.expr;

/** A failure inside the evaluator, later wrapped into an {@link ExprException} that quotes the expression. */
final class EvalError extends RuntimeException {

    EvalError(String message) {
        super(message, null, false, false);
    }

    EvalError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
