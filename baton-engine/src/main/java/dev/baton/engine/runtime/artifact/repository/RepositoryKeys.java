package dev.baton.engine.runtime.artifact.repository;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Argo's object keys: the rendered {@code keyFormat} plus the artifact's name, and the rules every key obeys. */
public final class RepositoryKeys {
    /** Argo's default {@code keyFormat}. */
    public static final String DEFAULT_KEY_FORMAT = "{{workflow.name}}/{{pod.name}}";
    /** Top-level names Baton uses beside the objects: its blobs in a shared bucket, the local staging area. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("sha256", ".staging");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    private RepositoryKeys() {
    }

    /**
     * Renders a {@code keyFormat} with the variables Baton knows for an output ({@code workflow.name},
     * {@code workflow.namespace}, {@code workflow.uid} and {@code pod.name}).
     *
     * @throws IllegalArgumentException naming a tag that is not one of them
     */
    public static String render(String keyFormat, Map<String, String> variables) {
        String format = keyFormat == null || keyFormat.isBlank() ? DEFAULT_KEY_FORMAT : keyFormat;
        Matcher m = TAG.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("keyFormat '" + format + "': unknown variable '{{" + m.group(1)
                        + "}}' (known: " + String.join(", ", variables.keySet().stream().sorted().toList()) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The key of an output with no explicit key: {@code <rendered keyFormat>/<name><suffix>}. */
    public static String outputKey(String renderedFormat, String artifactName, String suffix) {
        String prefix = renderedFormat;
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return (prefix.isEmpty() ? "" : prefix + "/") + artifactName + suffix;
    }

    /**
     * Why {@code key} cannot be used, or null: keys are relative, without {@code ..} or {@code .} segments,
     * empty segments (except a final {@code /} meaning a directory), backslashes or control characters, and not
     * under {@code sha256/} or {@code .staging/}.
     */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "the artifact key is empty";
        }
        if (key.startsWith("/")) {
            return "artifact key '" + key + "' must be relative to the repository, not start with '/'";
        }
        if (key.indexOf('\\') >= 0 || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "artifact key '" + key + "' holds a backslash or a control character";
        }
        String first = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        if (RESERVED.contains(first)) {
            return "artifact key '" + key + "' starts with '" + first + "/', which Baton keeps for itself";
        }
        String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        for (String segment : body.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "artifact key '" + key + "' must not contain '" + segment + "' segments";
            }
            if (segment.isEmpty()) {
                return "artifact key '" + key + "' has an empty segment ('//')";
            }
        }
        return null;
    }

    /** Whether the key names a directory (Argo: a key ending with {@code /}). */
    public static boolean isDirectory(String key) {
        return key.endsWith("/");
    }
}
