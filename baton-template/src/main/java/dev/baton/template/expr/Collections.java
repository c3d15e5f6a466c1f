package dev.baton.template.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** expr-lang's array and map built-ins, and slicing. */
final class Collections {

    private Collections() {
    }

    static void register(Map<String, ExprFunction> functions) {
        functions.put("first", a -> {
            List<Object> list = RuntimeValues.requireList(Builtins.one(a, "first"), "first");
            return list.isEmpty() ? null : RuntimeValues.normalize(list.get(0));
        });
        functions.put("last", a -> {
            List<Object> list = RuntimeValues.requireList(Builtins.one(a, "last"), "last");
            return list.isEmpty() ? null : RuntimeValues.normalize(list.get(list.size() - 1));
        });
        functions.put("get", a -> {
            Builtins.arity(a, "get", 2, 2);
            return get(a.get(0), a.get(1));
        });
        functions.put("take", a -> {
            Builtins.arity(a, "take", 2, 2);
            List<Object> list = RuntimeValues.requireList(a.get(0), "take");
            long n = Math.max(0, RuntimeValues.requireInt(a.get(1), "take"));
            return new ArrayList<>(list.subList(0, (int) Math.min(n, list.size())));
        });
        functions.put("keys", a -> new ArrayList<Object>(requireMap(Builtins.one(a, "keys"), "keys").keySet()));
        functions.put("values", a -> new ArrayList<Object>(requireMap(Builtins.one(a, "values"), "values").values()));
        functions.put("toPairs", a -> {
            List<Object> pairs = new ArrayList<>();
            requireMap(Builtins.one(a, "toPairs"), "toPairs").forEach((k, v) -> pairs.add(new ArrayList<>(List.of(k, v))));
            return pairs;
        });
        functions.put("fromPairs", a -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object pair : RuntimeValues.requireList(Builtins.one(a, "fromPairs"), "fromPairs")) {
                List<Object> kv = RuntimeValues.requireList(pair, "fromPairs");
                if (kv.size() != 2) {
                    throw new EvalError("invalid pair " + GoValueFormat.format(kv) + " for fromPairs");
                }
                map.put(GoValueFormat.format(kv.get(0)), kv.get(1));
            }
            return map;
        });
        functions.put("reverse", a -> {
            List<Object> out = new ArrayList<>(RuntimeValues.requireList(Builtins.one(a, "reverse"), "reverse"));
            java.util.Collections.reverse(out);
            return out;
        });
        functions.put("uniq", a -> {
            List<Object> out = new ArrayList<>();
            for (Object v : RuntimeValues.requireList(Builtins.one(a, "uniq"), "uniq")) {
                if (!Operators.in(v, out)) {
                    out.add(v);
                }
            }
            return out;
        });
        functions.put("concat", a -> {
            List<Object> out = new ArrayList<>();
            for (Object v : a) {
                out.addAll(RuntimeValues.requireList(v, "concat"));
            }
            return out;
        });
        functions.put("flatten", a -> flatten(RuntimeValues.requireList(Builtins.one(a, "flatten"), "flatten"), new ArrayList<>()));
        functions.put("sort", a -> {
            Builtins.arity(a, "sort", 1, 2);
            List<Object> out = new ArrayList<>(RuntimeValues.requireList(a.get(0), "sort"));
            boolean descending = a.size() == 2 && Builtins.descending(a.get(1), "sort");
            out.sort((x, y) -> descending ? -Builtins.compareForSort(x, y) : Builtins.compareForSort(x, y));
            return out;
        });
    }

    private static Map<Object, Object> requireMap(Object v, String name) {
        if (v instanceof Map<?, ?>) {
            return RuntimeValues.asMap(v);
        }
        throw new EvalError("invalid argument for " + name + " (type " + RuntimeValues.goType(v) + ")");
    }

    private static List<Object> flatten(List<Object> list, List<Object> out) {
        for (Object v : list) {
            Object n = RuntimeValues.normalize(v);
            if (n instanceof List<?>) {
                flatten(RuntimeValues.asList(n), out);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** expr's get(): like indexing, but nil instead of an error for a missing key or index. */
    static Object get(Object from, Object key) {
        Object object = RuntimeValues.normalize(from);
        Object k = RuntimeValues.normalize(key);
        if (object instanceof List<?> list && k instanceof Long i) {
            long at = i < 0 ? i + list.size() : i;
            return at >= 0 && at < list.size() ? RuntimeValues.normalize(list.get((int) at)) : null;
        }
        if (object instanceof Map<?, ?> map) {
            return RuntimeValues.normalize(map.get(k instanceof String ? k : GoValueFormat.format(k)));
        }
        return null;
    }

    static Object slice(Object value, Object from, Object to) {
        Object v = RuntimeValues.normalize(value);
        int length = switch (v) {
            case List<?> l -> l.size();
            case String s -> s.length();
            default -> throw new EvalError("cannot slice " + RuntimeValues.goType(v));
        };
        int start = bound(from, 0, length);
        int end = bound(to, length, length);
        if (end < start) {
            end = start;
        }
        if (v instanceof String s) {
            return s.substring(start, end);
        }
        return new ArrayList<>(RuntimeValues.asList(v).subList(start, end));
    }

    private static int bound(Object index, int fallback, int length) {
        if (index == null) {
            return fallback;
        }
        long i = RuntimeValues.requireInt(index, "slice");
        if (i < 0) {
            i += length;
        }
        return (int) Math.max(0, Math.min(i, length));
    }
}
