package dev.baton.template.expr;

import static dev.baton.template.expr.SprigValues.arg;
import static dev.baton.template.expr.SprigValues.empty;
import static dev.baton.template.expr.SprigValues.stringArg;
import static dev.baton.template.expr.SprigValues.strval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sprig's list, dict, default and JSON functions. */
final class SprigCollections {

    private SprigCollections() {
    }

    static void register(Map<String, ExprFunction> f) {
        f.put("list", ArrayList::new);
        f.put("first", a -> {
            List<Object> l = list(a, 0, "first");
            return l.isEmpty() ? null : l.get(0);
        });
        f.put("last", a -> {
            List<Object> l = list(a, 0, "last");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        f.put("rest", a -> {
            List<Object> l = list(a, 0, "rest");
            return l.isEmpty() ? null : new ArrayList<>(l.subList(1, l.size()));
        });
        f.put("initial", a -> {
            List<Object> l = list(a, 0, "initial");
            return l.isEmpty() ? null : new ArrayList<>(l.subList(0, l.size() - 1));
        });
        ExprFunction append = a -> {
            List<Object> out = new ArrayList<>(list(a, 0, "append"));
            out.add(arg(a, 1, "append"));
            return out;
        };
        f.put("append", append);
        f.put("push", append);
        f.put("prepend", a -> {
            List<Object> out = new ArrayList<>(list(a, 0, "prepend"));
            out.add(0, arg(a, 1, "prepend"));
            return out;
        });
        f.put("concat", a -> {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.addAll(list(a, i, "concat"));
            }
            return out;
        });
        f.put("reverse", a -> {
            List<Object> out = new ArrayList<>(list(a, 0, "reverse"));
            java.util.Collections.reverse(out);
            return out;
        });
        f.put("uniq", a -> {
            List<Object> out = new ArrayList<>();
            list(a, 0, "uniq").stream().filter(v -> !Operators.in(v, out)).forEach(out::add);
            return out;
        });
        f.put("without", a -> {
            List<Object> drop = a.subList(1, a.size());
            return new ArrayList<>(list(a, 0, "without").stream().filter(v -> !Operators.in(v, drop)).toList());
        });
        f.put("has", a -> arg(a, 1, "has") != null && Operators.in(a.get(0), list(a, 1, "has")));
        f.put("compact", a -> new ArrayList<>(list(a, 0, "compact").stream().filter(v -> !empty(v)).toList()));
        f.put("slice", a -> Collections.slice(list(a, 0, "slice"), a.size() > 1 ? a.get(1) : null, a.size() > 2 ? a.get(2) : null));
        f.put("sortAlpha", a -> {
            List<Object> out = new ArrayList<>();
            list(a, 0, "sortAlpha").forEach(v -> out.add(strval(v)));
            out.sort((x, y) -> ((String) x).compareTo((String) y));
            return out;
        });
        f.put("dict", a -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < a.size(); i += 2) {
                map.put(strval(a.get(i)), i + 1 < a.size() ? a.get(i + 1) : "");
            }
            return map;
        });
        f.put("get", a -> {
            Map<Object, Object> map = map(a, 0, "get");
            String key = stringArg(a, 1, "get");
            return map.containsKey(key) ? map.get(key) : "";
        });
        f.put("set", a -> {
            Map<Object, Object> map = map(a, 0, "set");
            map.put(stringArg(a, 1, "set"), arg(a, 2, "set"));
            return map;
        });
        f.put("unset", a -> {
            Map<Object, Object> map = map(a, 0, "unset");
            map.remove(stringArg(a, 1, "unset"));
            return map;
        });
        f.put("hasKey", a -> map(a, 0, "hasKey").containsKey(stringArg(a, 1, "hasKey")));
        f.put("keys", a -> {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.addAll(map(a, i, "keys").keySet());
            }
            return out;
        });
        f.put("values", a -> new ArrayList<>(map(a, 0, "values").values()));
        f.put("pluck", a -> {
            String key = stringArg(a, 0, "pluck");
            List<Object> out = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) {
                Map<Object, Object> m = map(a, i, "pluck");
                if (m.containsKey(key)) {
                    out.add(m.get(key));
                }
            }
            return out;
        });
        f.put("pick", a -> select(a, "pick", true));
        f.put("omit", a -> select(a, "omit", false));
        f.put("default", a -> a.size() < 2 || empty(a.get(1)) ? arg(a, 0, "default") : a.get(1));
        f.put("empty", a -> empty(arg(a, 0, "empty")));
        f.put("coalesce", a -> a.stream().filter(v -> !empty(v)).findFirst().orElse(null));
        f.put("all", a -> a.stream().noneMatch(SprigValues::empty));
        f.put("any", a -> a.isEmpty() || a.stream().anyMatch(v -> !empty(v)));
        f.put("ternary", a -> Boolean.TRUE.equals(arg(a, 2, "ternary")) ? a.get(0) : a.get(1));
        f.put("toJson", a -> quietly(() -> JsonText.write(arg(a, 0, "toJson"), false)));
        f.put("toRawJson", a -> quietly(() -> JsonText.write(arg(a, 0, "toRawJson"), false)
                .replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&")));
        f.put("toPrettyJson", a -> quietly(() -> JsonText.write(arg(a, 0, "toPrettyJson"), true)));
        f.put("fromJson", a -> {
            try {
                return JsonText.parse(stringArg(a, 0, "fromJson"), true);
            } catch (EvalError e) {
                return null;
            }
        });
        f.put("typeOf", a -> RuntimeValues.goType(arg(a, 0, "typeOf")));
        f.put("typeIs", a -> stringArg(a, 0, "typeIs").equals(RuntimeValues.goType(arg(a, 1, "typeIs"))));
        f.put("kindOf", a -> kind(arg(a, 0, "kindOf")));
        f.put("kindIs", a -> stringArg(a, 0, "kindIs").equals(kind(arg(a, 1, "kindIs"))));
        f.put("deepEqual", a -> Operators.equal(arg(a, 0, "deepEqual"), arg(a, 1, "deepEqual")));
    }

    private static String kind(Object v) {
        return switch (RuntimeValues.normalize(v)) {
            case null -> "invalid";
            case Long l -> "int";
            case Double d -> "float64";
            case String s -> "string";
            case Boolean b -> "bool";
            case List<?> l -> "slice";
            case Map<?, ?> m -> "map";
            default -> "struct";
        };
    }

    private static String quietly(java.util.function.Supplier<String> json) {
        try {
            return json.get();
        } catch (EvalError e) {
            return "";
        }
    }

    private static Map<String, Object> select(List<Object> a, String name, boolean keep) {
        Map<Object, Object> source = map(a, 0, name);
        List<Object> keys = a.subList(1, a.size());
        Map<String, Object> out = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            if (keys.contains(k) == keep) {
                out.put(String.valueOf(k), v);
            }
        });
        return out;
    }

    private static List<Object> list(List<Object> args, int i, String name) {
        Object v = RuntimeValues.normalize(arg(args, i, name));
        if (v instanceof List<?>) {
            return RuntimeValues.asList(v);
        }
        throw new EvalError("sprig." + name + ": cannot use " + RuntimeValues.goType(v) + " as a list");
    }

    private static Map<Object, Object> map(List<Object> args, int i, String name) {
        Object v = arg(args, i, name);
        if (v instanceof Map<?, ?>) {
            return RuntimeValues.asMap(v);
        }
        throw new EvalError("sprig." + name + ": cannot use " + RuntimeValues.goType(v) + " as a dict");
    }
}
