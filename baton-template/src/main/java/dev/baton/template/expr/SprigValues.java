package dev.baton.template.expr;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The loose conversions sprig applies to its arguments (spf13/cast semantics: failures become zero values). */
final class SprigValues {

    private static final Pattern ZERO_DECIMAL = Pattern.compile("^([+-]?\\d+)\\.0*$");

    private SprigValues() {
    }

    static long toInt64(Object v) {
        return switch (RuntimeValues.normalize(v)) {
            case null -> 0;
            case Long l -> l;
            case Double d -> d.longValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> parseInt(s);
            default -> 0;
        };
    }

    private static long parseInt(String s) {
        String t = ZERO_DECIMAL.matcher(s).replaceFirst("$1");
        try {
            boolean negative = t.startsWith("-");
            String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            String lower = digits.toLowerCase();
            long value;
            if (lower.startsWith("0x")) {
                value = Long.parseLong(digits.substring(2), 16);
            } else if (lower.startsWith("0b")) {
                value = Long.parseLong(digits.substring(2), 2);
            } else if (lower.startsWith("0o")) {
                value = Long.parseLong(digits.substring(2), 8);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                value = Long.parseLong(digits.substring(1), 8);
            } else {
                value = Long.parseLong(digits);
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double toFloat64(Object v) {
        return switch (RuntimeValues.normalize(v)) {
            case null -> 0;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            case String s -> {
                try {
                    yield Builtins.toFloat(s);
                } catch (EvalError e) {
                    yield 0;
                }
            }
            default -> 0;
        };
    }

    /** sprig's strval: strings as they are, anything else as Go's %v. */
    static String strval(Object v) {
        return v instanceof String s ? s : GoValueFormat.format(v);
    }

    /** sprig's empty: nil, "", 0, false, and empty lists and maps. */
    static boolean empty(Object v) {
        return switch (RuntimeValues.normalize(v)) {
            case null -> true;
            case String s -> s.isEmpty();
            case Long l -> l == 0;
            case Double d -> d == 0;
            case Boolean b -> !b;
            case List<?> l -> l.isEmpty();
            case Map<?, ?> m -> m.isEmpty();
            default -> false;
        };
    }

    static int intArg(List<Object> args, int i, String name) {
        Object v = RuntimeValues.normalize(arg(args, i, name));
        if (v instanceof Long l) {
            return (int) (long) l;
        }
        if (v instanceof Double d) {
            return d.intValue();
        }
        throw new EvalError("sprig." + name + ": argument " + (i + 1) + " must be an int, got " + RuntimeValues.goType(v));
    }

    static String stringArg(List<Object> args, int i, String name) {
        Object v = arg(args, i, name);
        if (v instanceof String s) {
            return s;
        }
        throw new EvalError("sprig." + name + ": argument " + (i + 1) + " must be a string, got " + RuntimeValues.goType(v));
    }

    static Object arg(List<Object> args, int i, String name) {
        if (i >= args.size()) {
            throw new EvalError("sprig." + name + ": not enough arguments (got " + args.size() + ")");
        }
        return args.get(i);
    }

    static void exactly(List<Object> args, int n, String name) {
        if (args.size() != n) {
            throw new EvalError("sprig." + name + ": expected " + n + " arguments, got " + args.size());
        }
    }
}
