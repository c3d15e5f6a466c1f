package dev.baton.template.yaml;

/**
 * A scalar as written in YAML: its original text (what string fields keep) and the value YAML's
 * rules give it (what free-form fields keep: Long, Double, Boolean or String).
 */
public record YamlScalar(String text, Object value, Kind kind) {
    /** How YAML resolved the scalar. */
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN }

    public static YamlScalar string(String text) {
        return new YamlScalar(text, text, Kind.STRING);
    }
}
