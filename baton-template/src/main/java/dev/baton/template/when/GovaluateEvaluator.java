package dev.baton.template.when;

import dev.baton.template.expr.ExprValues;
import dev.baton.template.when.GovaluateNode.Binary;
import dev.baton.template.when.GovaluateNode.Parameter;
import dev.baton.template.when.GovaluateNode.Prefix;
import dev.baton.template.when.GovaluateNode.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Evaluates a planned govaluate expression with govaluate's type checks and messages. */
final class GovaluateEvaluator {

    private static final String LOGICAL = "Value '%s' cannot be used with the logical operator '%s', it is not a bool";
    private static final String MODIFIER = "Value '%s' cannot be used with the modifier '%s', it is not a number";
    private static final String COMPARATOR = "Value '%s' cannot be used with the comparator '%s', it is not a number";
    private static final String TERNARY = "Value '%s' cannot be used with the ternary operator '%s', it is not a bool";
    private static final String PREFIX = "Value '%s' cannot be used with the prefix '%s'";
    private static final Object SKIPPED = new Object();

    private GovaluateEvaluator() {
    }

    static Object evaluate(GovaluateNode node) {
        return switch (node) {
            case Value v -> v.value();
            case Parameter p -> throw new GovaluateError("No parameter '" + p.name() + "' found.");
            case Prefix p -> prefix(p.operator(), evaluate(p.operand()));
            case Binary b -> binary(b);
        };
    }

    private static Object prefix(String op, Object value) {
        switch (op) {
            case "-" -> {
                return -number(value, op, PREFIX);
            }
            case "!" -> {
                if (!(value instanceof Boolean b)) {
                    throw typeError(PREFIX, value, op);
                }
                return !b;
            }
            default -> {
                return (double) ~(long) number(value, op, PREFIX);
            }
        }
    }

    private static Object binary(Binary b) {
        String op = b.operator();
        Object left = evaluate(b.left());
        if ((op.equals("&&") && Boolean.FALSE.equals(left)) || (op.equals("||") && Boolean.TRUE.equals(left))) {
            return left;
        }
        if ((op.equals(":") || op.equals("??")) && left != null) {
            return left;
        }
        Object right = op.equals("?") && Boolean.FALSE.equals(left) ? SKIPPED : evaluate(b.right());
        return switch (op) {
            case "&&", "||" -> {
                boolean l = bool(left, op, LOGICAL);
                boolean r = bool(right, op, LOGICAL);
                yield op.equals("&&") ? l && r : l || r;
            }
            case "?" -> bool(left, op, TERNARY) ? right : null;
            case ":", "??" -> right;
            case "==" -> deepEqual(left, right);
            case "!=" -> !deepEqual(left, right);
            case ">", ">=", "<", "<=" -> compare(op, left, right);
            case "=~", "!~" -> regex(op, left, right);
            case "in" -> in(left, right);
            case "," -> {
                List<Object> list = new ArrayList<>();
                if (left instanceof List<?> l) {
                    list.addAll(l);
                } else {
                    list.add(left);
                }
                list.add(right);
                yield list;
            }
            case "+" -> add(left, right);
            default -> arithmetic(op, number(left, op, MODIFIER), number(right, op, MODIFIER));
        };
    }

    private static Object add(Object left, Object right) {
        if (left instanceof String || right instanceof String) {
            return display(left) + display(right);
        }
        if (left instanceof Double l && right instanceof Double r) {
            return l + r;
        }
        throw typeError(MODIFIER, left, "+");
    }

    private static double arithmetic(String op, double l, double r) {
        return switch (op) {
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            case "%" -> l % r;
            case "**" -> Math.pow(l, r);
            case "&" -> (double) ((long) l & (long) r);
            case "|" -> (double) ((long) l | (long) r);
            case "^" -> (double) ((long) l ^ (long) r);
            case "<<" -> r >= 64 ? 0 : (double) ((long) l << (long) r);
            default -> r >= 64 ? 0 : (double) ((long) l >>> (long) r);
        };
    }

    private static boolean compare(String op, Object left, Object right) {
        int c;
        if (left instanceof Double l && right instanceof Double r) {
            if (l.isNaN() || r.isNaN()) {
                return false;
            }
            c = l < r ? -1 : l > r ? 1 : 0;
        } else if (left instanceof String l && right instanceof String r) {
            c = l.compareTo(r);
        } else {
            throw typeError(COMPARATOR, left, op);
        }
        return switch (op) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
        };
    }

    private static boolean regex(String op, Object left, Object right) {
        if (!(left instanceof String text)) {
            throw typeError(COMPARATOR, left, op);
        }
        Pattern pattern;
        if (right instanceof Pattern p) {
            pattern = p;
        } else if (right instanceof String s) {
            try {
                pattern = Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                throw new GovaluateError("Unable to compile regexp pattern '" + s + "': " + regexError(e, s));
            }
        } else {
            throw typeError(COMPARATOR, right, op);
        }
        boolean found = pattern.matcher(text).find();
        return op.equals("=~") == found;
    }

    static String regexError(PatternSyntaxException e, String pattern) {
        return "error parsing regexp: " + e.getDescription().toLowerCase() + ": `" + pattern + "`";
    }

    private static boolean in(Object left, Object right) {
        if (!(right instanceof List<?> list)) {
            throw typeError(COMPARATOR, right, "in");
        }
        for (Object element : list) {
            if (element instanceof Double d && left instanceof Double l ? d.doubleValue() == l.doubleValue()
                    : !(element instanceof List<?>) && Objects.equals(element, left)) {
                return true;
            }
        }
        return false;
    }

    private static boolean deepEqual(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Pattern x && b instanceof Pattern y) {
            return x.pattern().equals(y.pattern());
        }
        return Objects.equals(a, b);
    }

    private static double number(Object value, String op, String format) {
        if (value instanceof Double d) {
            return d;
        }
        throw typeError(format, value, op);
    }

    private static boolean bool(Object value, String op, String format) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw typeError(format, value, op);
    }

    private static GovaluateError typeError(String format, Object value, String op) {
        return new GovaluateError(String.format(format, display(value), op));
    }

    static String display(Object value) {
        if (value == SKIPPED) {
            return "-1";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(display(v)));
            return "[" + String.join(" ", parts) + "]";
        }
        return value == null ? "<nil>" : value instanceof Pattern p ? p.pattern() : ExprValues.render(value);
    }
}
