package dev.baton.template.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSONPath queries over parsed JSON ({@code $.a.b}, {@code $.a[0]}, {@code $.a[*].b}, {@code $..x}, {@code [?(@.x > 1)]}). */
final class JsonPath {

    private final String path;
    private int pos;
    private boolean definite = true;

    private JsonPath(String path) {
        this.path = path;
    }

    /** A definite path yields its single value; a wildcard, union, slice, filter or recursive path yields a list. */
    static Object query(String path, Object document) {
        String trimmed = path.strip();
        if (!trimmed.startsWith("$")) {
            throw new EvalError("jsonpath: invalid path '" + path + "': must start with '$'");
        }
        JsonPath query = new JsonPath(trimmed);
        query.pos = 1;
        List<Object> nodes = query.select(java.util.Collections.singletonList(document), document);
        if (query.definite) {
            if (nodes.isEmpty()) {
                throw new EvalError("jsonpath: '" + path + "' matched nothing");
            }
            return nodes.get(0);
        }
        return nodes;
    }

    /** Evaluates the rest of a path from {@code pos}, used for the {@code @…} paths inside filters. */
    static List<Object> relative(String path, Object current, Object root) {
        JsonPath query = new JsonPath(path);
        query.pos = 1;
        query.definite = false;
        return query.select(java.util.Collections.singletonList(current), root);
    }

    private List<Object> select(List<Object> nodes, Object root) {
        while (pos < path.length()) {
            char c = path.charAt(pos);
            if (c == '.' && pos + 1 < path.length() && path.charAt(pos + 1) == '.') {
                pos += 2;
                definite = false;
                List<Object> all = new ArrayList<>();
                for (Object n : nodes) {
                    descendants(n, all);
                }
                nodes = path.charAt(pos) == '[' ? all : step(all, readName(), true);
            } else if (c == '.') {
                pos++;
                nodes = step(nodes, readName(), false);
            } else if (c == '[') {
                nodes = bracket(nodes, root);
            } else {
                throw new EvalError("jsonpath: invalid path '" + path + "' at position " + pos);
            }
        }
        return nodes;
    }

    private String readName() {
        int start = pos;
        while (pos < path.length() && path.charAt(pos) != '.' && path.charAt(pos) != '[') {
            pos++;
        }
        if (start == pos) {
            throw new EvalError("jsonpath: invalid path '" + path + "': empty key");
        }
        return path.substring(start, pos);
    }

    private List<Object> step(List<Object> nodes, String name, boolean lenient) {
        List<Object> out = new ArrayList<>();
        if (name.equals("*")) {
            definite = false;
            nodes.forEach(n -> children(n, out));
            return out;
        }
        for (Object n : nodes) {
            if (n instanceof Map<?, ?> map && map.containsKey(name)) {
                out.add(map.get(name));
            } else if (n instanceof List<?> list && name.equals("length") && !lenient) {
                out.add((double) list.size());
            } else if (!lenient && definite) {
                throw new EvalError("jsonpath: key '" + name + "' not found");
            }
        }
        return out;
    }

    private List<Object> bracket(List<Object> nodes, Object root) {
        int close = findClose();
        String inner = path.substring(pos + 1, close).strip();
        pos = close + 1;
        List<Object> out = new ArrayList<>();
        if (inner.equals("*")) {
            definite = false;
            nodes.forEach(n -> children(n, out));
        } else if (inner.startsWith("?(") && inner.endsWith(")")) {
            definite = false;
            JsonPathFilter filter = new JsonPathFilter(inner.substring(2, inner.length() - 1), root);
            for (Object n : nodes) {
                List<Object> candidates = new ArrayList<>();
                children(n, candidates);
                for (Object candidate : candidates) {
                    if (filter.test(candidate)) {
                        out.add(candidate);
                    }
                }
            }
        } else if (inner.contains(":")) {
            definite = false;
            for (Object n : nodes) {
                if (n instanceof List<?> list) {
                    slice(list, inner, out);
                }
            }
        } else {
            List<String> keys = splitUnion(inner);
            if (keys.size() > 1) {
                definite = false;
            }
            for (Object n : nodes) {
                for (String key : keys) {
                    select(n, key, out);
                }
            }
        }
        return out;
    }

    private void select(Object node, String key, List<Object> out) {
        if (key.startsWith("'") || key.startsWith("\"")) {
            String name = key.substring(1, key.length() - 1);
            if (node instanceof Map<?, ?> map && map.containsKey(name)) {
                out.add(map.get(name));
            } else if (definite) {
                throw new EvalError("jsonpath: key '" + name + "' not found");
            }
            return;
        }
        long index;
        try {
            index = Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new EvalError("jsonpath: invalid subscript '" + key + "' in '" + path + "'");
        }
        if (node instanceof List<?> list) {
            long at = index < 0 ? index + list.size() : index;
            if (at >= 0 && at < list.size()) {
                out.add(list.get((int) at));
                return;
            }
        }
        if (definite) {
            throw new EvalError("jsonpath: index [" + index + "] out of range");
        }
    }

    private static void slice(List<?> list, String spec, List<Object> out) {
        String[] parts = spec.split(":", -1);
        int n = list.size();
        long step = parts.length > 2 && !parts[2].isBlank() ? Long.parseLong(parts[2].strip()) : 1;
        long start = parts[0].isBlank() ? (step > 0 ? 0 : n - 1) : Long.parseLong(parts[0].strip());
        long end = parts[1].isBlank() ? (step > 0 ? n : -n - 1) : Long.parseLong(parts[1].strip());
        start = start < 0 ? Math.max(start + n, step > 0 ? 0 : -1) : Math.min(start, step > 0 ? n : n - 1);
        end = end < 0 ? Math.max(end + n, -1) : Math.min(end, n);
        for (long i = start; step > 0 ? i < end : i > end; i += step) {
            out.add(list.get((int) i));
        }
    }

    private int findClose() {
        int depth = 0;
        char quote = 0;
        for (int i = pos; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new EvalError("jsonpath: unclosed '[' in '" + path + "'");
    }

    private static List<String> splitUnion(String inner) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : inner.toCharArray()) {
            if (quote == 0 && c == ',') {
                parts.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            current.append(c);
        }
        parts.add(current.toString().strip());
        return parts;
    }

    private static void children(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            out.addAll(map.values());
        } else if (node instanceof List<?> list) {
            out.addAll(list);
        }
    }

    private static void descendants(Object node, List<Object> out) {
        out.add(node);
        List<Object> kids = new ArrayList<>();
        children(node, kids);
        for (Object kid : kids) {
            if (kid instanceof Map<?, ?> || kid instanceof List<?>) {
                descendants(kid, out);
            }
        }
    }
}
