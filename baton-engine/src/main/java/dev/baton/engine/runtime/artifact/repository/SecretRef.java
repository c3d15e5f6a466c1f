package dev.baton.engine.runtime.artifact.repository;

import java.util.Map;

/**
 * A Kubernetes secret selector as Argo writes it ({@code accessKeySecret: {name, key}}); Baton resolves it with
 * {@link Secrets}, never from workflow YAML.
 */
public record SecretRef(String name, String key) {

    /** Reads {@code {name, key}} at {@code where}; null when absent. */
    static SecretRef from(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
                || !(map.get("key") instanceof String key) || name.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException(where + ": a secret needs 'name' and 'key', e.g. {name: my-s3, key: accessKey}");
        }
        return new SecretRef(name, key);
    }
}
