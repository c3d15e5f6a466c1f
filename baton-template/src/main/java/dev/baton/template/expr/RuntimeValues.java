package dev.baton.template.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Normalises host values into expression runtime values and names their Go types for messages. */
final class RuntimeValues {

    private RuntimeValues() {
    }

    /** Shallow normalisation: numbers become Long/Double, arrays and collections become lists. */
    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Double d -> d;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigInteger b -> b.longValue();
            case BigDecimal b -> b.doubleValue();
            case Character c -> String.valueOf(c);
            case Object[] array -> Arrays.asList(array);
            case List<?> list -> list;
            case Collection<?> collection -> new ArrayList<>(collection);
            default -> value;
        };
    }

    static boolean isInt(Object v) {
        return v instanceof Long;
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    static double toDouble(Object v) {
        return ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object v) {
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> asMap(Object v) {
        return (Map<Object, Object>) v;
    }

    static List<Object> requireList(Object v, String function) {
        Object n = normalize(v);
        if (n instanceof List<?>) {
            return asList(n);
        }
        throw new EvalError("invalid argument for " + function + " (type " + goType(n) + ")");
    }

    static String requireString(Object v, String function) {
        if (v instanceof String s) {
            return s;
        }
        throw new EvalError("invalid argument for " + function + " (expected string, got " + goType(v) + ")");
    }

    static long requireInt(Object v, String function) {
        Object n = normalize(v);
        if (n instanceof Long l) {
            return l;
        }
        if (n instanceof Double d) {
            return d.longValue();
        }
        throw new EvalError("invalid argument for " + function + " (expected int, got " + goType(n) + ")");
    }

    /** The Go type name expr would print for a value. */
    static String goType(Object v) {
        return switch (normalize(v)) {
            case null -> "<nil>";
            case Long l -> "int";
            case Double d -> "float64";
            case String s -> "string";
            case Boolean b -> "bool";
            case List<?> l -> "[]interface {}";
            case Map<?, ?> m -> "map[string]interface {}";
            case ZonedDateTime t -> "time.Time";
            case Duration d -> "time.Duration";
            case ExprFunction f -> "func(...interface {}) interface {}";
            default -> "interface {}";
        };
    }

    /** The name the built-in {@code type()} returns. */
    static String typeName(Object v) {
        return switch (normalize(v)) {
            case null -> "nil";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "string";
            case Boolean b -> "bool";
            case List<?> l -> "array";
            case Map<?, ?> m -> "map";
            case ZonedDateTime t -> "time.Time";
            case Duration d -> "time.Duration";
            case ExprFunction f -> "func";
            default -> "unknown";
        };
    }
}
