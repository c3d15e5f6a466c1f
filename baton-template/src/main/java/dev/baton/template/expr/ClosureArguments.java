package dev.baton.template.expr;

import java.util.List;
import java.util.Map;

/** The argument shape of the built-ins that take a closure, such as {@code filter(list, {# > 1})}. */
record ClosureArguments(List<Kind> kinds) {

    enum Kind {
        EXPRESSION(false, false), CLOSURE(true, false), OPTIONAL_CLOSURE(true, true), OPTIONAL_EXPRESSION(false, true);

        private final boolean closure;
        private final boolean optional;

        Kind(boolean closure, boolean optional) {
            this.closure = closure;
            this.optional = optional;
        }

        boolean closure() {
            return closure;
        }

        boolean optional() {
            return optional;
        }
    }

    private static final ClosureArguments ONE = new ClosureArguments(List.of(Kind.EXPRESSION, Kind.CLOSURE));
    private static final ClosureArguments OPTIONAL = new ClosureArguments(List.of(Kind.EXPRESSION, Kind.OPTIONAL_CLOSURE));
    private static final ClosureArguments WITH_EXTRA =
            new ClosureArguments(List.of(Kind.EXPRESSION, Kind.CLOSURE, Kind.OPTIONAL_EXPRESSION));
    private static final Map<String, ClosureArguments> SHAPES = Map.ofEntries(
            Map.entry("all", ONE), Map.entry("none", ONE), Map.entry("any", ONE), Map.entry("one", ONE),
            Map.entry("filter", ONE), Map.entry("map", ONE), Map.entry("find", ONE), Map.entry("findIndex", ONE),
            Map.entry("findLast", ONE), Map.entry("findLastIndex", ONE), Map.entry("groupBy", ONE),
            Map.entry("count", OPTIONAL), Map.entry("sum", OPTIONAL),
            Map.entry("sortBy", WITH_EXTRA), Map.entry("reduce", WITH_EXTRA));

    /** The shape of a closure built-in, or null when {@code name} is not one. */
    static ClosureArguments of(String name) {
        return SHAPES.get(name);
    }
}
