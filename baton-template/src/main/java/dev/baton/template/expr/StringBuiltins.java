package dev.baton.template.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** expr-lang's string built-ins: trim, split, replace, join, indexOf, … */
final class StringBuiltins {

    private StringBuiltins() {
    }

    static void register(Map<String, ExprFunction> functions) {
        functions.put("trim", a -> {
            Builtins.arity(a, "trim", 1, 2);
            String s = str(a, 0, "trim");
            return a.size() == 1 ? s.strip() : trimChars(s, str(a, 1, "trim"), true, true);
        });
        functions.put("trimPrefix", a -> {
            Builtins.arity(a, "trimPrefix", 1, 2);
            String s = str(a, 0, "trimPrefix");
            String prefix = a.size() == 2 ? str(a, 1, "trimPrefix") : " ";
            return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
        });
        functions.put("trimSuffix", a -> {
            Builtins.arity(a, "trimSuffix", 1, 2);
            String s = str(a, 0, "trimSuffix");
            String suffix = a.size() == 2 ? str(a, 1, "trimSuffix") : " ";
            return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
        });
        functions.put("upper", a -> str(one(a, "upper"), 0, "upper").toUpperCase());
        functions.put("lower", a -> str(one(a, "lower"), 0, "lower").toLowerCase());
        functions.put("split", a -> split(a, "split", false));
        functions.put("splitAfter", a -> split(a, "splitAfter", true));
        functions.put("replace", a -> {
            Builtins.arity(a, "replace", 3, 4);
            String s = str(a, 0, "replace");
            long n = a.size() == 4 ? RuntimeValues.requireInt(a.get(3), "replace") : -1;
            return replace(s, str(a, 1, "replace"), str(a, 2, "replace"), n);
        });
        functions.put("repeat", a -> {
            Builtins.arity(a, "repeat", 2, 2);
            long n = RuntimeValues.requireInt(a.get(1), "repeat");
            if (n < 0) {
                throw new EvalError("invalid argument for repeat (expected positive integer, got " + n + ")");
            }
            if (n > 1_000_000) {
                throw new EvalError("memory budget exceeded");
            }
            return str(a, 0, "repeat").repeat((int) n);
        });
        functions.put("join", a -> {
            Builtins.arity(a, "join", 1, 2);
            List<Object> items = RuntimeValues.requireList(a.get(0), "join");
            String glue = a.size() == 2 ? str(a, 1, "join") : "";
            List<String> parts = new ArrayList<>(items.size());
            for (Object item : items) {
                parts.add(RuntimeValues.requireString(item, "join"));
            }
            return String.join(glue, parts);
        });
        functions.put("indexOf", a -> index(a, "indexOf", false));
        functions.put("lastIndexOf", a -> index(a, "lastIndexOf", true));
        functions.put("hasPrefix", a -> {
            Builtins.arity(a, "hasPrefix", 2, 2);
            return str(a, 0, "hasPrefix").startsWith(str(a, 1, "hasPrefix"));
        });
        functions.put("hasSuffix", a -> {
            Builtins.arity(a, "hasSuffix", 2, 2);
            return str(a, 0, "hasSuffix").endsWith(str(a, 1, "hasSuffix"));
        });
    }

    private static List<Object> one(List<Object> args, String name) {
        Builtins.arity(args, name, 1, 1);
        return args;
    }

    static String str(List<Object> args, int i, String name) {
        return RuntimeValues.requireString(args.get(i), name);
    }

    /** Go's strings.Trim family: removes any of {@code cutset}'s characters from the chosen ends. */
    static String trimChars(String s, String cutset, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && cutset.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Go's strings.Replace: replaces the first n (all when n < 0) occurrences. */
    static String replace(String s, String old, String replacement, long n) {
        if (n < 0 && !old.isEmpty()) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        long done = 0;
        while (n < 0 || done < n) {
            int at;
            if (old.isEmpty()) {
                if (done > 0 && from >= s.length()) {
                    break;
                }
                at = done == 0 ? 0 : from + 1;
                if (at > s.length()) {
                    break;
                }
                out.append(s, from, at);
            } else {
                at = s.indexOf(old, from);
                if (at < 0) {
                    break;
                }
                out.append(s, from, at);
            }
            out.append(replacement);
            from = at + old.length();
            done++;
        }
        return out.append(s.substring(Math.min(from, s.length()))).toString();
    }

    /** Go's strings.SplitN / SplitAfterN (n < 0 means all). */
    static List<Object> splitGo(String s, String sep, long n, boolean keepSeparator) {
        List<Object> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (sep.isEmpty()) {
            s.codePoints().limit(n < 0 ? Long.MAX_VALUE : n).forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        while (n < 0 || out.size() < n - 1) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, keepSeparator ? at + sep.length() : at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static Object split(List<Object> args, String name, boolean keepSeparator) {
        Builtins.arity(args, name, 2, 3);
        long n = args.size() == 3 ? RuntimeValues.requireInt(args.get(2), name) : -1;
        return splitGo(str(args, 0, name), str(args, 1, name), n, keepSeparator);
    }

    private static Object index(List<Object> args, String name, boolean last) {
        Builtins.arity(args, name, 2, 2);
        String s = str(args, 0, name);
        String sub = str(args, 1, name);
        int at = last ? s.lastIndexOf(sub) : s.indexOf(sub);
        return (long) (at < 0 ? -1 : s.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
