package dev.baton.template.yaml;

import java.util.regex.Pattern;

/** Builds and shortens document paths such as {@code spec.templates[2].dag.tasks[0].depends}. */
public final class YamlPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private YamlPath() {
    }

    public static String key(String parent, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path one level up; the empty path for a top-level key. */
    public static String parent(String path) {
        if (path.endsWith("\"]")) {
            int open = path.lastIndexOf("[\"");
            return open < 0 ? "" : path.substring(0, open);
        }
        if (path.endsWith("]")) {
            int open = path.lastIndexOf('[');
            return open < 0 ? "" : path.substring(0, open);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
