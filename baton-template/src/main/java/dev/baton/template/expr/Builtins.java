package dev.baton.template.expr;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The expr-lang built-in functions that take plain values (closure built-ins live in {@link ClosureBuiltins}). */
final class Builtins {

    private static final Pattern GO_INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern GO_FLOAT =
            Pattern.compile("[+-]?((\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity|nan))");
    private static final List<String> DATE_LAYOUTS = List.of("2006-01-02", "15:04:05", "2006-01-02 15:04:05",
            GoTime.RFC3339, "02 Jan 06 15:04 MST", "Monday, 02-Jan-06 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05 MST");
    private static final Map<String, ExprFunction> FUNCTIONS = new HashMap<>();

    static {
        FUNCTIONS.put("len", a -> length(one(a, "len")));
        FUNCTIONS.put("type", a -> RuntimeValues.typeName(one(a, "type")));
        FUNCTIONS.put("abs", a -> abs(one(a, "abs")));
        FUNCTIONS.put("ceil", a -> Math.ceil(number(one(a, "ceil"), "ceil")));
        FUNCTIONS.put("floor", a -> Math.floor(number(one(a, "floor"), "floor")));
        FUNCTIONS.put("round", a -> roundHalfAwayFromZero(number(one(a, "round"), "round")));
        FUNCTIONS.put("int", a -> toInt(one(a, "int")));
        FUNCTIONS.put("float", a -> toFloat(one(a, "float")));
        FUNCTIONS.put("string", a -> GoValueFormat.format(one(a, "string")));
        FUNCTIONS.put("max", a -> minMax(a, "max"));
        FUNCTIONS.put("min", a -> minMax(a, "min"));
        FUNCTIONS.put("mean", a -> mean(flattenNumbers(a, "mean")));
        FUNCTIONS.put("median", a -> median(flattenNumbers(a, "median")));
        FUNCTIONS.put("toJSON", a -> JsonText.write(one(a, "toJSON"), true));
        FUNCTIONS.put("fromJSON", a -> JsonText.parse(RuntimeValues.requireString(one(a, "fromJSON"), "fromJSON"), true));
        FUNCTIONS.put("toBase64", a -> Base64.getEncoder().encodeToString(
                RuntimeValues.requireString(one(a, "toBase64"), "toBase64").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        FUNCTIONS.put("fromBase64", a -> fromBase64(RuntimeValues.requireString(one(a, "fromBase64"), "fromBase64")));
        FUNCTIONS.put("now", a -> ZonedDateTime.now(ZoneId.systemDefault()));
        FUNCTIONS.put("duration", a -> GoTime.parseDuration(RuntimeValues.requireString(one(a, "duration"), "duration")));
        FUNCTIONS.put("date", Builtins::date);
        StringBuiltins.register(FUNCTIONS);
        Collections.register(FUNCTIONS);
    }

    private Builtins() {
    }

    static boolean isBuiltin(String name) {
        return FUNCTIONS.containsKey(name);
    }

    static Object call(String name, List<Object> args) {
        return FUNCTIONS.get(name).call(args);
    }

    static Object one(List<Object> args, String name) {
        if (args.size() != 1) {
            throw new EvalError("invalid number of arguments for " + name + " (expected 1, got " + args.size() + ")");
        }
        return RuntimeValues.normalize(args.get(0));
    }

    static void arity(List<Object> args, String name, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? Integer.toString(min) : min + " or " + max;
            throw new EvalError("invalid number of arguments for " + name + " (expected " + expected + ", got " + args.size() + ")");
        }
    }

    private static double number(Object v, String name) {
        if (!RuntimeValues.isNumber(v)) {
            throw new EvalError("invalid argument for " + name + " (type " + RuntimeValues.goType(v) + ")");
        }
        return RuntimeValues.toDouble(v);
    }

    private static double roundHalfAwayFromZero(double x) {
        return Double.isInfinite(x) || Double.isNaN(x) ? x : Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
    }

    private static Object length(Object v) {
        return switch (v) {
            case List<?> l -> (long) l.size();
            case Map<?, ?> m -> (long) m.size();
            case String s -> (long) s.codePointCount(0, s.length());
            default -> throw new EvalError("invalid argument for len (type " + RuntimeValues.goType(v) + ")");
        };
    }

    private static Object abs(Object v) {
        return switch (v) {
            case Long l -> Math.abs(l);
            case Double d -> Math.abs(d);
            default -> throw new EvalError("invalid argument for abs (type " + RuntimeValues.goType(v) + ")");
        };
    }

    /** expr's int(): truncates floats and parses decimal integer strings. */
    static long toInt(Object v) {
        v = RuntimeValues.normalize(v);
        return switch (v) {
            case Long l -> l;
            case Double d -> d.longValue();
            case String s -> {
                if (!GO_INT.matcher(s).matches()) {
                    throw new EvalError("invalid operation: int(" + s + ")");
                }
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new EvalError("invalid operation: int(" + s + ")");
                }
            }
            default -> throw new EvalError("invalid operation: int(" + RuntimeValues.goType(v) + ")");
        };
    }

    /** expr's float(): widens ints and parses float strings. */
    static double toFloat(Object v) {
        v = RuntimeValues.normalize(v);
        return switch (v) {
            case Long l -> l.doubleValue();
            case Double d -> d;
            case String s -> {
                if (!GO_FLOAT.matcher(s).matches()) {
                    throw new EvalError("invalid operation: float(" + s + ")");
                }
                String lower = s.toLowerCase().replace("_", "");
                yield lower.endsWith("inf") || lower.endsWith("infinity")
                        ? (lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : lower.endsWith("nan") ? Double.NaN : Double.parseDouble(lower);
            }
            default -> throw new EvalError("invalid operation: float(" + RuntimeValues.goType(v) + ")");
        };
    }

    private static List<Object> flattenNumbers(List<Object> args, String name) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            Object v = RuntimeValues.normalize(a);
            if (v instanceof List<?> list) {
                out.addAll(flattenNumbers(new ArrayList<>(list), name));
            } else if (RuntimeValues.isNumber(v)) {
                out.add(v);
            } else {
                throw new EvalError("invalid argument for " + name + " (type " + RuntimeValues.goType(v) + ")");
            }
        }
        return out;
    }

    private static Object minMax(List<Object> args, String name) {
        List<Object> values = flattenNumbers(args, name);
        if (values.isEmpty()) {
            throw new EvalError("not enough arguments to call " + name);
        }
        Object best = values.get(0);
        for (Object v : values) {
            boolean better = name.equals("max") ? Operators.compare(">", v, best) : Operators.compare("<", v, best);
            if (better) {
                best = v;
            }
        }
        return best;
    }

    static Object sum(List<Object> items) {
        List<Object> values = flattenNumbers(items, "sum");
        Object total = 0L;
        for (Object v : values) {
            total = Operators.arithmetic("+", total, v);
        }
        return total;
    }

    private static double mean(List<Object> values) {
        if (values.isEmpty()) {
            return 0.0;
        }
        double total = 0;
        for (Object v : values) {
            total += RuntimeValues.toDouble(v);
        }
        return total / values.size();
    }

    private static double median(List<Object> values) {
        if (values.isEmpty()) {
            return 0.0;
        }
        double[] sorted = values.stream().mapToDouble(RuntimeValues::toDouble).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fromBase64(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EvalError("illegal base64 data: " + e.getMessage());
        }
    }

    private static Object date(List<Object> args) {
        arity(args, "date", 1, 3);
        String text = RuntimeValues.requireString(args.get(0), "date");
        if (args.size() >= 2) {
            ZoneId zone = args.size() == 3
                    ? zone(RuntimeValues.requireString(args.get(2), "date")) : ZoneOffset.UTC;
            return GoTime.parse(RuntimeValues.requireString(args.get(1), "date"), text, zone);
        }
        for (String layout : DATE_LAYOUTS) {
            try {
                return GoTime.parse(layout, text, ZoneOffset.UTC);
            } catch (EvalError ignored) {
                // try the next layout, as expr does
            }
        }
        throw new EvalError("invalid date " + text);
    }

    static ZoneId zone(String name) {
        try {
            return name.equals("Local") ? ZoneId.systemDefault() : ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new EvalError("unknown time zone " + name);
        }
    }

    static boolean descending(Object order, String name) {
        if ("asc".equals(order)) {
            return false;
        }
        if ("desc".equals(order)) {
            return true;
        }
        throw new EvalError("unknown order " + GoValueFormat.format(order) + " for " + name + ", use asc or desc");
    }

    static int compareForSort(Object a, Object b) {
        if (Operators.equal(a, b)) {
            return 0;
        }
        return Operators.compare("<", a, b) ? -1 : 1;
    }
}
