package dev.baton.engine.core.scope;

import dev.baton.template.expr.ExprValues;

import java.util.List;
import java.util.Map;

/** JSON text in and out, and Go's {@code %v} rendering of loop items and aggregated values. */
public final class JsonText {
    private JsonText() {
    }

    public static String write(Object value) {
        return ExprValues.toJson(value);
    }

    /** Parses JSON text; throws IllegalArgumentException when it is not JSON. */
    public static Object read(String json) {
        try {
            return ExprValues.fromJson(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A value as Argo prints an item: strings as they are, numbers and booleans with %v, the rest as JSON. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return write(value);
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        if (value instanceof Float f) {
            return formatFloat(f.doubleValue());
        }
        return value.toString();
    }

    private static String formatFloat(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        return ExprValues.render(d);
    }
}
