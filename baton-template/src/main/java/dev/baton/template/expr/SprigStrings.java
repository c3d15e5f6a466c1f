package dev.baton.template.expr;

import static dev.baton.template.expr.SprigValues.intArg;
import static dev.baton.template.expr.SprigValues.stringArg;
import static dev.baton.template.expr.SprigValues.strval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sprig's string functions: trim, replace, substr, quote, indent, split, join, … */
final class SprigStrings {

    private SprigStrings() {
    }

    static void register(Map<String, ExprFunction> f) {
        f.put("trim", a -> stringArg(a, 0, "trim").strip());
        f.put("trimAll", a -> StringBuiltins.trimChars(stringArg(a, 1, "trimAll"), stringArg(a, 0, "trimAll"), true, true));
        f.put("trimPrefix", a -> {
            String prefix = stringArg(a, 0, "trimPrefix");
            String s = stringArg(a, 1, "trimPrefix");
            return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
        });
        f.put("trimSuffix", a -> {
            String suffix = stringArg(a, 0, "trimSuffix");
            String s = stringArg(a, 1, "trimSuffix");
            return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
        });
        f.put("upper", a -> stringArg(a, 0, "upper").toUpperCase());
        f.put("lower", a -> stringArg(a, 0, "lower").toLowerCase());
        f.put("title", a -> SprigText.title(stringArg(a, 0, "title"), true));
        f.put("untitle", a -> SprigText.title(stringArg(a, 0, "untitle"), false));
        f.put("repeat", a -> stringArg(a, 1, "repeat").repeat(Math.max(0, intArg(a, 0, "repeat"))));
        f.put("substr", a -> substr(intArg(a, 0, "substr"), intArg(a, 1, "substr"), stringArg(a, 2, "substr")));
        f.put("trunc", a -> trunc(intArg(a, 0, "trunc"), stringArg(a, 1, "trunc")));
        f.put("abbrev", a -> {
            int width = intArg(a, 0, "abbrev");
            String s = stringArg(a, 1, "abbrev");
            return width < 4 || s.length() <= width ? s : s.substring(0, width - 3) + "...";
        });
        f.put("nospace", a -> stringArg(a, 0, "nospace").replaceAll("\\s+", ""));
        f.put("contains", a -> stringArg(a, 1, "contains").contains(stringArg(a, 0, "contains")));
        f.put("hasPrefix", a -> stringArg(a, 1, "hasPrefix").startsWith(stringArg(a, 0, "hasPrefix")));
        f.put("hasSuffix", a -> stringArg(a, 1, "hasSuffix").endsWith(stringArg(a, 0, "hasSuffix")));
        f.put("replace", a -> StringBuiltins.replace(stringArg(a, 2, "replace"), stringArg(a, 0, "replace"),
                stringArg(a, 1, "replace"), -1));
        f.put("quote", a -> joinNonNil(a, true));
        f.put("squote", a -> joinNonNil(a, false));
        f.put("cat", a -> {
            List<String> parts = new ArrayList<>();
            a.stream().filter(v -> v != null).forEach(v -> parts.add(strval(v)));
            return String.join(" ", parts);
        });
        f.put("indent", a -> indent(intArg(a, 0, "indent"), stringArg(a, 1, "indent")));
        f.put("nindent", a -> "\n" + indent(intArg(a, 0, "nindent"), stringArg(a, 1, "nindent")));
        f.put("toString", a -> strval(SprigValues.arg(a, 0, "toString")));
        f.put("toStrings", a -> {
            List<Object> out = new ArrayList<>();
            for (Object v : RuntimeValues.requireList(SprigValues.arg(a, 0, "toStrings"), "toStrings")) {
                out.add(strval(v));
            }
            return out;
        });
        f.put("split", a -> indexed(StringBuiltins.splitGo(stringArg(a, 1, "split"), stringArg(a, 0, "split"), -1, false)));
        f.put("splitn", a -> indexed(StringBuiltins.splitGo(stringArg(a, 2, "splitn"), stringArg(a, 0, "splitn"),
                intArg(a, 1, "splitn"), false)));
        f.put("splitList", a -> StringBuiltins.splitGo(stringArg(a, 1, "splitList"), stringArg(a, 0, "splitList"), -1, false));
        f.put("join", a -> {
            Object list = RuntimeValues.normalize(SprigValues.arg(a, 1, "join"));
            List<String> parts = new ArrayList<>();
            if (list instanceof List<?> l) {
                l.forEach(v -> parts.add(v == null ? "" : strval(v)));
            } else {
                parts.add(strval(list));
            }
            return String.join(stringArg(a, 0, "join"), parts);
        });
    }

    private static String substr(int start, int end, String s) {
        if (start < 0) {
            return s.substring(0, end);
        }
        if (end < 0 || end > s.length()) {
            return s.substring(start);
        }
        return s.substring(start, end);
    }

    private static String trunc(int c, String s) {
        if (c < 0 && s.length() + c > 0) {
            return s.substring(s.length() + c);
        }
        if (c >= 0 && s.length() > c) {
            return s.substring(0, c);
        }
        return s;
    }

    private static String indent(int spaces, String s) {
        String pad = " ".repeat(Math.max(0, spaces));
        return pad + s.replace("\n", "\n" + pad);
    }

    private static String joinNonNil(List<Object> args, boolean doubleQuotes) {
        List<String> parts = new ArrayList<>();
        for (Object v : args) {
            if (v != null) {
                parts.add(doubleQuotes ? goQuote(strval(v)) : "'" + strval(v) + "'");
            }
        }
        return String.join(" ", parts);
    }

    /** Go's strconv.Quote. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static Map<String, Object> indexed(List<Object> parts) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            map.put("_" + i, parts.get(i));
        }
        return map;
    }
}
