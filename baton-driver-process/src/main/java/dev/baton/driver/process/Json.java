package dev.baton.driver.process;

import java.util.List;
import java.util.Map;

/** Writes the few JSON values the fork server reads: strings, lists of strings, string maps. */
final class Json {
    private Json() {
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, value) -> out.append(out.length() == 1 ? "" : ",").append(string(name)).append(':')
                .append(string(value)));
        return out.append('}').toString();
    }
}
