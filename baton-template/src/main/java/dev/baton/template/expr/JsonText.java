package dev.baton.template.expr;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON into runtime values and writes runtime values as Go's encoding/json would. */
final class JsonText {

    private final String text;
    private final boolean floatsOnly;
    private int pos;

    private JsonText(String text, boolean floatsOnly) {
        this.text = text;
        this.floatsOnly = floatsOnly;
    }

    /**
     * Parses JSON text.
     *
     * @param floatsOnly true to read every number as a Double, as Go's json.Unmarshal into interface{} does
     */
    static Object parse(String text, boolean floatsOnly) {
        JsonText reader = new JsonText(text, floatsOnly);
        reader.skipSpace();
        Object value = reader.readValue();
        reader.skipSpace();
        if (reader.pos < text.length()) {
            throw reader.error("invalid character '" + text.charAt(reader.pos) + "' after top-level value");
        }
        return value;
    }

    private Object readValue() {
        if (pos >= text.length()) {
            throw new EvalError("unexpected end of JSON input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readWord("true", Boolean.TRUE);
            case 'f' -> readWord("false", Boolean.FALSE);
            case 'n' -> readWord("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("invalid character '" + c + "' looking for beginning of value");
            }
        };
    }

    private Map<String, Object> readObject() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("invalid character '" + peek() + "' looking for beginning of object key string");
            }
            String key = readString();
            skipSpace();
            expect(':', "after object key");
            skipSpace();
            map.put(key, readValue());
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("invalid character '" + c + "' after object key:value pair");
            }
        }
    }

    private List<Object> readArray() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(readValue());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("invalid character '" + c + "' after array element");
            }
        }
    }

    private String readString() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new EvalError("unexpected end of JSON input");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw new EvalError("unexpected end of JSON input");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("invalid character '" + e + "' in string escape code");
            }
        }
    }

    private Object readNumber() {
        int start = pos;
        boolean integral = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
            } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                break;
            }
            pos++;
        }
        String number = text.substring(start, pos);
        try {
            if (integral && !floatsOnly) {
                try {
                    return Long.parseLong(number);
                } catch (NumberFormatException tooLarge) {
                    return Double.parseDouble(number);
                }
            }
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw error("invalid number literal '" + number + "'");
        }
    }

    private Object readWord(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid character '" + text.charAt(pos) + "' looking for beginning of value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String context) {
        if (peek() != c) {
            throw error("invalid character '" + peek() + "' " + context);
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new EvalError("unexpected end of JSON input");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private EvalError error(String message) {
        return new EvalError(message);
    }

    /** Go's json.Marshal (indent false) or json.MarshalIndent(v, "", "  ") (indent true). */
    static String write(Object value, boolean indent) {
        StringBuilder out = new StringBuilder();
        write(out, RuntimeValues.normalize(value), indent ? "\n" : null);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String newline) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(out, s);
            case Double d -> out.append(GoValueFormat.formatJsonFloat(d));
            case List<?> list -> {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                String inner = newline == null ? null : newline + "  ";
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    out.append(inner == null ? "" : inner);
                    write(out, RuntimeValues.normalize(list.get(i)), inner);
                }
                out.append(newline == null ? "" : newline).append(']');
            }
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                String inner = newline == null ? null : newline + "  ";
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : GoValueFormat.sortedEntries(map).entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    out.append(inner == null ? "" : inner);
                    quote(out, e.getKey());
                    out.append(inner == null ? ":" : ": ");
                    write(out, RuntimeValues.normalize(e.getValue()), inner);
                }
                out.append(newline == null ? "" : newline).append('}');
            }
            case ZonedDateTime t -> quote(out, GoTime.format(t, GoTime.RFC3339_NANO));
            case Duration d -> out.append(d.toNanos());
            case ExprFunction f -> throw new EvalError("json: unsupported type: func(...interface {}) interface {}");
            default -> out.append(value);
        }
    }

    /** Appends a JSON string literal with Go's HTML-safe escaping. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
