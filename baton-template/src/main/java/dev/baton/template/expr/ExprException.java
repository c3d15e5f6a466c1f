package dev.baton.template.expr;

/** An expression that cannot be parsed or evaluated; the message quotes the expression and the reason. */
public final class ExprException extends RuntimeException {

    private final String reason;

    public ExprException(String source, String reason) {
        super("failed to evaluate expression '" + source + "': " + reason);
        this.reason = reason;
    }

    ExprException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** The reason without the quoted expression. */
    public String reason() {
        return reason;
    }
}
