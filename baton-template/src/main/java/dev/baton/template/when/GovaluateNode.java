package dev.baton.template.when;

/** The evaluation plan of a govaluate expression. */
sealed interface GovaluateNode {

    /** A constant: Double, String, Boolean, Pattern, or null for an empty operand. */
    record Value(Object value) implements GovaluateNode {
    }

    /** A parameter reference; {@code when} has no parameters, so evaluating one fails. */
    record Parameter(String name) implements GovaluateNode {
    }

    record Prefix(String operator, GovaluateNode operand) implements GovaluateNode {
    }

    record Binary(String operator, GovaluateNode left, GovaluateNode right) implements GovaluateNode {
    }
}
