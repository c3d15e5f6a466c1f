package dev.baton.template.when;

import dev.baton.template.expr.ExprValues;

/** A govaluate token; {@code value} holds what govaluate would hold (Double, String, Boolean, Pattern, …). */
record GovaluateToken(Kind kind, Object value) {

    enum Kind {
        UNKNOWN, PREFIX, NUMERIC, BOOLEAN, STRING, PATTERN, TIME, VARIABLE, FUNCTION, SEPARATOR, ACCESSOR,
        COMPARATOR, LOGICALOP, MODIFIER, CLAUSE, CLAUSE_CLOSE, TERNARY
    }

    /** The token value as Go's %v prints it in govaluate's messages. */
    String display() {
        return display(value);
    }

    static String display(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case String[] parts -> "[" + String.join(" ", parts) + "]";
            case java.util.regex.Pattern p -> p.pattern();
            default -> ExprValues.render(value);
        };
    }
}
