package dev.baton.model.spec;

/** Reuse of earlier outputs keyed by {@code key}, no older than {@code maxAge}. */
public record Memoize(String key, Cache cache, String maxAge) {
    /** Where the cache is kept (a config map in Argo; Baton's store). */
    public record Cache(ConfigMapRef configMap) {
    }

    /** A config map name and key. */
    public record ConfigMapRef(String name, String key) {
    }
}
