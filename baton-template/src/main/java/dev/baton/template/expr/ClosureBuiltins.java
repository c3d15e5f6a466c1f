package dev.baton.template.expr;

import dev.baton.template.expr.Node.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-ins that run a closure over each element: filter, map, all, any, count, reduce, … */
final class ClosureBuiltins {

    private final Interpreter interpreter;
    private final Interpreter.Frame frame;

    ClosureBuiltins(Interpreter interpreter, Interpreter.Frame frame) {
        this.interpreter = interpreter;
        this.frame = frame;
    }

    Object call(String name, List<Node> args) {
        List<Object> items = RuntimeValues.requireList(interpreter.eval(args.get(0), frame), name);
        Predicate closure = args.size() > 1 ? (Predicate) args.get(1) : null;
        return switch (name) {
            case "all" -> {
                for (int i = 0; i < items.size(); i++) {
                    if (!test(closure, items, i, name)) {
                        yield false;
                    }
                }
                yield true;
            }
            case "any" -> countMatches(closure, items, name) > 0;
            case "none" -> countMatches(closure, items, name) == 0;
            case "one" -> countMatches(closure, items, name) == 1;
            case "count" -> closure == null ? countTrue(items) : countMatches(closure, items, name);
            case "filter" -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (test(closure, items, i, name)) {
                        out.add(items.get(i));
                    }
                }
                yield out;
            }
            case "map" -> {
                List<Object> out = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    out.add(apply(closure, items, i, null));
                }
                yield out;
            }
            case "find", "findIndex" -> findFirst(closure, items, name);
            case "findLast", "findLastIndex" -> findLast(closure, items, name);
            case "sum" -> Builtins.sum(closure == null ? items : mapAll(closure, items));
            case "groupBy" -> groupBy(closure, items);
            case "sortBy" -> sortBy(closure, items, args.size() > 2 ? interpreter.eval(args.get(2), frame) : "asc");
            default -> reduce(closure, items, args.size() > 2 ? interpreter.eval(args.get(2), frame) : null, args.size() > 2);
        };
    }

    private Object apply(Predicate closure, List<Object> items, int i, Object acc) {
        Interpreter.Frame f = frame.bind("#", RuntimeValues.normalize(items.get(i))).bind("#index", (long) i);
        if (acc != null) {
            f = f.bind("#acc", acc);
        }
        return interpreter.eval(closure.body(), f);
    }

    private boolean test(Predicate closure, List<Object> items, int i, String name) {
        Object result = apply(closure, items, i, null);
        if (result instanceof Boolean b) {
            return b;
        }
        throw new EvalError("predicate of " + name + " must return bool, got " + RuntimeValues.goType(result));
    }

    private long countMatches(Predicate closure, List<Object> items, String name) {
        long n = 0;
        for (int i = 0; i < items.size(); i++) {
            if (test(closure, items, i, name)) {
                n++;
            }
        }
        return n;
    }

    private static long countTrue(List<Object> items) {
        long n = 0;
        for (Object item : items) {
            if (Boolean.TRUE.equals(item)) {
                n++;
            }
        }
        return n;
    }

    private List<Object> mapAll(Predicate closure, List<Object> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(apply(closure, items, i, null));
        }
        return out;
    }

    private Object findFirst(Predicate closure, List<Object> items, String name) {
        for (int i = 0; i < items.size(); i++) {
            if (test(closure, items, i, name)) {
                return name.equals("find") ? RuntimeValues.normalize(items.get(i)) : (Object) (long) i;
            }
        }
        return name.equals("find") ? null : (Object) (-1L);
    }

    private Object findLast(Predicate closure, List<Object> items, String name) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (test(closure, items, i, name)) {
                return name.equals("findLast") ? RuntimeValues.normalize(items.get(i)) : (Object) (long) i;
            }
        }
        return name.equals("findLast") ? null : (Object) (-1L);
    }

    private Map<String, Object> groupBy(Predicate closure, List<Object> items) {
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String key = GoValueFormat.format(apply(closure, items, i, null));
            RuntimeValues.asList(groups.computeIfAbsent(key, k -> new ArrayList<>())).add(items.get(i));
        }
        return groups;
    }

    private List<Object> sortBy(Predicate closure, List<Object> items, Object order) {
        List<Object> keys = mapAll(closure, items);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            positions.add(i);
        }
        boolean descending = Builtins.descending(order, "sortBy");
        positions.sort((x, y) -> {
            int c = Builtins.compareForSort(keys.get(x), keys.get(y));
            return descending ? -c : c;
        });
        List<Object> out = new ArrayList<>(items.size());
        for (int p : positions) {
            out.add(items.get(p));
        }
        return out;
    }

    private Object reduce(Predicate closure, List<Object> items, Object initial, boolean hasInitial) {
        int start = 0;
        Object acc = initial;
        if (!hasInitial) {
            if (items.isEmpty()) {
                throw new EvalError("reduce of empty array with no initial value");
            }
            acc = RuntimeValues.normalize(items.get(0));
            start = 1;
        }
        for (int i = start; i < items.size(); i++) {
            Interpreter.Frame f = frame.bind("#", RuntimeValues.normalize(items.get(i)))
                    .bind("#index", (long) i).bind("#acc", acc);
            acc = interpreter.eval(closure.body(), f);
        }
        return acc;
    }
}
