package dev.baton.template.validate;

import java.util.ArrayList;
import java.util.List;

/** Finds the names inside {@code {{…}}} tags of a string, leaving out {@code {{=…}}} expression tags. */
final class Tags {
    private Tags() {
    }

    static List<String> in(String text) {
        List<String> tags = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                return tags;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                return tags;
            }
            String tag = text.substring(open + 2, close).trim();
            if (!tag.startsWith("=")) {
                tags.add(tag);
            }
            from = close + 2;
        }
    }

    /** The name after {@code prefix} (up to the next dot) when the tag starts with it, else null. */
    static String nameAfter(String tag, String prefix) {
        if (!tag.startsWith(prefix)) {
            return null;
        }
        String rest = tag.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean isTemplated(String text) {
        return text != null && text.contains("{{");
    }
}
