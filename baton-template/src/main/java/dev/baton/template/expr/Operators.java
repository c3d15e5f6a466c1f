package dev.baton.template.expr;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The binary operators of expr-lang over runtime values. */
final class Operators {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Operators() {
    }

    static Object arithmetic(String op, Object a, Object b) {
        a = RuntimeValues.normalize(a);
        b = RuntimeValues.normalize(b);
        if (a instanceof Long x && b instanceof Long y) {
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> (double) x / (double) y;
                case "%" -> {
                    if (y == 0) {
                        throw new EvalError("integer divide by zero");
                    }
                    yield x % y;
                }
                default -> Math.pow(x, y);
            };
        }
        if (RuntimeValues.isNumber(a) && RuntimeValues.isNumber(b) && !op.equals("%")) {
            double x = RuntimeValues.toDouble(a);
            double y = RuntimeValues.toDouble(b);
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> x / y;
                default -> Math.pow(x, y);
            };
        }
        if (op.equals("+") && a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (op.equals("+") && a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return joined;
        }
        Object time = timeArithmetic(op, a, b);
        if (time != null) {
            return time;
        }
        throw mismatched(op, a, b);
    }

    private static Object timeArithmetic(String op, Object a, Object b) {
        if (a instanceof ZonedDateTime t && b instanceof Duration d) {
            return op.equals("+") ? t.plus(d) : op.equals("-") ? t.minus(d) : null;
        }
        if (a instanceof Duration d && b instanceof ZonedDateTime t && op.equals("+")) {
            return t.plus(d);
        }
        if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y && op.equals("-")) {
            return Duration.between(y, x);
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return op.equals("+") ? x.plus(y) : op.equals("-") ? x.minus(y) : null;
        }
        return null;
    }

    static boolean compare(String op, Object a, Object b) {
        a = RuntimeValues.normalize(a);
        b = RuntimeValues.normalize(b);
        int c;
        if (a instanceof Long x && b instanceof Long y) {
            c = Long.compare(x, y);
        } else if (RuntimeValues.isNumber(a) && RuntimeValues.isNumber(b)) {
            double x = RuntimeValues.toDouble(a);
            double y = RuntimeValues.toDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return false;
            }
            c = Double.compare(x, y);
        } else if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
        } else if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
            c = x.toInstant().compareTo(y.toInstant());
        } else if (a instanceof Duration x && b instanceof Duration y) {
            c = x.compareTo(y);
        } else {
            throw mismatched(op, a, b);
        }
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    static boolean equal(Object a, Object b) {
        a = RuntimeValues.normalize(a);
        b = RuntimeValues.normalize(b);
        if (RuntimeValues.isNumber(a) && RuntimeValues.isNumber(b)) {
            if (a instanceof Long x && b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return RuntimeValues.toDouble(a) == RuntimeValues.toDouble(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
            return x.toInstant().equals(y.toInstant());
        }
        return Objects.equals(a, b);
    }

    static boolean in(Object needle, Object haystack) {
        haystack = RuntimeValues.normalize(haystack);
        if (haystack instanceof List<?> list) {
            for (Object element : list) {
                if (equal(needle, element)) {
                    return true;
                }
            }
            return false;
        }
        if (haystack instanceof Map<?, ?> map) {
            return needle != null && map.containsKey(needle instanceof String ? needle : String.valueOf(needle));
        }
        if (haystack == null) {
            return false;
        }
        throw new EvalError("operator \"in\" not defined on " + RuntimeValues.goType(haystack));
    }

    static boolean stringOperator(String op, Object a, Object b) {
        if (!(a instanceof String x) || !(b instanceof String y)) {
            throw mismatched(op, a, b);
        }
        return switch (op) {
            case "contains" -> x.contains(y);
            case "startsWith" -> x.startsWith(y);
            case "endsWith" -> x.endsWith(y);
            default -> pattern(y).matcher(x).find();
        };
    }

    static Pattern pattern(String regex) {
        Pattern cached = PATTERNS.get(regex);
        if (cached != null) {
            return cached;
        }
        try {
            // RE2 spells named groups (?P<name>…); Java spells them (?<name>…)
            Pattern compiled = Pattern.compile(regex.replace("(?P<", "(?<"));
            if (PATTERNS.size() > 1024) {
                PATTERNS.clear();
            }
            PATTERNS.put(regex, compiled);
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new EvalError("error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
        }
    }

    static List<Object> range(Object a, Object b) {
        if (!(RuntimeValues.normalize(a) instanceof Long from) || !(RuntimeValues.normalize(b) instanceof Long to)) {
            throw mismatched("..", a, b);
        }
        List<Object> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    static EvalError mismatched(String op, Object a, Object b) {
        return new EvalError("invalid operation: " + op + " (mismatched types "
                + RuntimeValues.goType(a) + " and " + RuntimeValues.goType(b) + ")");
    }
}
