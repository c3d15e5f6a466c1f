package dev.baton.template.expr;

import dev.baton.template.expr.Node.*;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates an expr-lang syntax tree against an environment. */
final class Interpreter {

    /** Variable bindings from {@code let} and closures ({@code #}, {@code #index}, {@code #acc}). */
    record Frame(String name, Object value, Frame parent) {

        Frame bind(String n, Object v) {
            return new Frame(n, v, this);
        }
    }

    /** Thrown where {@code ?.} meets nil; the enclosing {@link Chain} turns it into nil. */
    private static final class ChainEnded extends RuntimeException {
        ChainEnded() {
            super(null, null, false, false);
        }
    }

    private static final ChainEnded CHAIN_ENDED = new ChainEnded();
    private static final Frame ROOT = new Frame("", null, null);

    private final Map<String, ?> env;

    Interpreter(Map<String, ?> env) {
        this.env = env;
    }

    Object run(Node node) {
        return eval(node, ROOT);
    }

    Object eval(Node node, Frame frame) {
        return switch (node) {
            case Literal l -> l.value();
            case Identifier id -> lookup(id.name(), frame);
            case Pointer p -> pointer(p, frame);
            case Member m -> member(m, frame);
            case Slice s -> Collections.slice(eval(s.object(), frame), evalOrNull(s.from(), frame), evalOrNull(s.to(), frame));
            case Chain c -> chain(c, frame);
            case Call c -> call(c, frame);
            case Builtin b -> builtin(b, frame);
            case Predicate p -> throw new EvalError("a closure can only be an argument of a built-in");
            case Unary u -> unary(u, frame);
            case Binary b -> binary(b, frame);
            case Conditional c -> eval(requireBool(eval(c.condition(), frame), "condition") ? c.whenTrue() : c.whenFalse(), frame);
            case ArrayLiteral a -> {
                List<Object> list = new ArrayList<>(a.elements().size());
                for (Node e : a.elements()) {
                    list.add(eval(e, frame));
                }
                yield list;
            }
            case MapLiteral m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Pair pair : m.pairs()) {
                    map.put(GoValueFormat.format(eval(pair.key(), frame)), eval(pair.value(), frame));
                }
                yield map;
            }
            case Let l -> eval(l.body(), frame.bind(l.name(), eval(l.value(), frame)));
            case Sequence s -> {
                Object last = null;
                for (Node n : s.nodes()) {
                    last = eval(n, frame);
                }
                yield last;
            }
        };
    }

    private Object evalOrNull(Node node, Frame frame) {
        return node == null ? null : eval(node, frame);
    }

    private Object lookup(String name, Frame frame) {
        for (Frame f = frame; f != null; f = f.parent()) {
            if (name.equals(f.name())) {
                return f.value();
            }
        }
        if (env.containsKey(name)) {
            return RuntimeValues.normalize(env.get(name));
        }
        Object function = ArgoFunctions.lookup(name);
        if (function != null) {
            return function;
        }
        throw new EvalError("unknown name " + name);
    }

    private Object pointer(Pointer p, Frame frame) {
        String name = p.name().isEmpty() ? "#" : "#" + p.name();
        for (Frame f = frame; f != null; f = f.parent()) {
            if (name.equals(f.name())) {
                return f.value();
            }
        }
        throw new EvalError("unknown pointer " + name);
    }

    private Object chain(Chain c, Frame frame) {
        try {
            return eval(c.inner(), frame);
        } catch (ChainEnded ended) {
            return null;
        }
    }

    private Object member(Member m, Frame frame) {
        Object object = eval(m.object(), frame);
        if (object == null && m.optional()) {
            throw CHAIN_ENDED;
        }
        return fetch(object, eval(m.property(), frame));
    }

    static Object fetch(Object from, Object key) {
        Object object = RuntimeValues.normalize(from);
        Object property = RuntimeValues.normalize(key);
        switch (object) {
            case null -> throw new EvalError("cannot fetch " + GoValueFormat.format(property) + " from <nil>");
            case Map<?, ?> map -> {
                return RuntimeValues.normalize(map.get(property instanceof String ? property : GoValueFormat.format(property)));
            }
            case List<?> list -> {
                int i = index(property, list.size(), "array");
                return RuntimeValues.normalize(list.get(i));
            }
            case String s -> {
                int[] codePoints = s.codePoints().toArray();
                int i = index(property, codePoints.length, "string");
                return new String(codePoints, i, 1);
            }
            case SprigFunctions.Namespace ns when property instanceof String name -> {
                return SprigFunctions.function(name);
            }
            default -> throw new EvalError("cannot fetch " + GoValueFormat.format(property) + " from " + RuntimeValues.goType(object));
        }
    }

    private static int index(Object property, int size, String kind) {
        if (!(property instanceof Long l)) {
            throw new EvalError("invalid " + kind + " index " + GoValueFormat.format(property)
                    + " (type " + RuntimeValues.goType(property) + ")");
        }
        long i = l < 0 ? l + size : l;
        if (i < 0 || i >= size) {
            throw new EvalError("index out of range: " + l + " (array length is " + size + ")");
        }
        return (int) i;
    }

    private Object call(Call c, Frame frame) {
        List<Object> args = new ArrayList<>(c.arguments().size());
        Object callee;
        if (c.callee() instanceof Member m) {
            Object object = eval(m.object(), frame);
            if (object == null && m.optional()) {
                throw CHAIN_ENDED;
            }
            String method = String.valueOf(eval(m.property(), frame));
            for (Node a : c.arguments()) {
                args.add(eval(a, frame));
            }
            if (object instanceof ZonedDateTime || object instanceof Duration) {
                return TimeMethods.call(object, method, args);
            }
            callee = fetch(object, method);
        } else {
            callee = eval(c.callee(), frame);
            for (Node a : c.arguments()) {
                args.add(eval(a, frame));
            }
        }
        if (callee instanceof ExprFunction f) {
            return f.call(args);
        }
        throw new EvalError(GoValueFormat.format(callee) + " is not callable (type " + RuntimeValues.goType(callee) + ")");
    }

    private Object builtin(Builtin b, Frame frame) {
        if (ClosureArguments.of(b.name()) != null) {
            return new ClosureBuiltins(this, frame).call(b.name(), b.arguments());
        }
        List<Object> args = new ArrayList<>(b.arguments().size());
        for (Node a : b.arguments()) {
            args.add(eval(a, frame));
        }
        return Builtins.call(b.name(), args);
    }

    private Object unary(Unary u, Frame frame) {
        Object value = RuntimeValues.normalize(eval(u.operand(), frame));
        return switch (u.operator()) {
            case "not", "!" -> !requireBool(value, u.operator());
            case "-" -> switch (value) {
                case Long l -> -l;
                case Double d -> -d;
                case Duration d -> d.negated();
                default -> throw new EvalError("invalid operation: - (mismatched type " + RuntimeValues.goType(value) + ")");
            };
            default -> {
                if (!RuntimeValues.isNumber(value)) {
                    throw new EvalError("invalid operation: + (mismatched type " + RuntimeValues.goType(value) + ")");
                }
                yield value;
            }
        };
    }

    private Object binary(Binary b, Frame frame) {
        String op = b.operator();
        switch (op) {
            case "&&", "and" -> {
                return requireBool(eval(b.left(), frame), op) && requireBool(eval(b.right(), frame), op);
            }
            case "||", "or" -> {
                return requireBool(eval(b.left(), frame), op) || requireBool(eval(b.right(), frame), op);
            }
            case "??" -> {
                Object left = lenient(b.left(), frame);
                return left != null ? left : eval(b.right(), frame);
            }
            default -> {
                Object left = eval(b.left(), frame);
                Object right = eval(b.right(), frame);
                return switch (op) {
                    case "==" -> Operators.equal(left, right);
                    case "!=" -> !Operators.equal(left, right);
                    case "<", ">", "<=", ">=" -> Operators.compare(op, left, right);
                    case "in" -> Operators.in(left, right);
                    case "contains", "startsWith", "endsWith", "matches" -> Operators.stringOperator(op, left, right);
                    case ".." -> Operators.range(left, right);
                    case "^" -> Operators.arithmetic("**", left, right);
                    default -> Operators.arithmetic(op, left, right);
                };
            }
        }
    }

    /** Evaluates the left side of {@code ??}: a member access on nil counts as nil there. */
    private Object lenient(Node node, Frame frame) {
        try {
            return eval(node, frame);
        } catch (ChainEnded ended) {
            return null;
        } catch (EvalError e) {
            if (node instanceof Member && e.getMessage().endsWith("from <nil>")) {
                return null;
            }
            throw e;
        }
    }

    static boolean requireBool(Object value, String context) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (context.equals("condition")) {
            throw new EvalError("non-bool expression (type " + RuntimeValues.goType(value) + ") used as condition");
        }
        throw new EvalError("invalid operation: " + context + " (mismatched type " + RuntimeValues.goType(value) + ")");
    }
}
