package dev.baton.engine.runtime.artifact.repository;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named artifact repositories read from a file shaped like Argo's {@code artifact-repositories} ConfigMap:
 * {@code data: {<key>: {s3: {...}} | {filesystem: {root}}}}, the default named by the annotation
 * {@code workflows.argoproj.io/default-artifact-repository}.
 *
 * @param repositories every entry, by key
 * @param defaultKey   the entry used when a workflow names none, or null
 */
public record RepositoryConfig(Map<String, RepositorySpec> repositories, String defaultKey) {
    public static final String DEFAULT_ANNOTATION = "workflows.argoproj.io/default-artifact-repository";

    /**
     * Reads a parsed file; {@code data} values are maps (a string value must be parsed by the caller first).
     *
     * @param source the file, for messages
     * @param home   what a relative {@code filesystem.root} resolves against
     * @throws IllegalArgumentException naming the file, the entry and the field at fault
     */
    public static RepositoryConfig parse(Map<?, ?> tree, String source, Path home) {
        Map<String, RepositorySpec> repositories = new LinkedHashMap<>();
        if (tree.get("data") instanceof Map<?, ?> data) {
            for (Map.Entry<?, ?> entry : data.entrySet()) {
                String key = String.valueOf(entry.getKey());
                repositories.put(key, entry(entry.getValue(), source + ": data." + key, home));
            }
        } else if (tree.get("data") != null) {
            throw new IllegalArgumentException(source + ": 'data' must map repository names to repositories");
        }
        String defaultKey = null;
        if (tree.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("annotations") instanceof Map<?, ?> annotations
                && annotations.get(DEFAULT_ANNOTATION) instanceof String named) {
            if (!repositories.containsKey(named)) {
                throw new IllegalArgumentException(source + ": the annotation " + DEFAULT_ANNOTATION + " names '"
                        + named + "', which is not under 'data' (" + String.join(", ", repositories.keySet()) + ")");
            }
            defaultKey = named;
        }
        return new RepositoryConfig(Map.copyOf(repositories), defaultKey);
    }

    private static RepositorySpec entry(Object value, String where, Path home) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a repository such as {s3: {bucket: …}}");
        }
        if (map.get("s3") instanceof Map<?, ?> s3) {
            String bucket = text(s3, "bucket", where + ".s3");
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException(where + ".s3.bucket: a bucket is required");
            }
            return new RepositorySpec.S3(bucket, text(s3, "endpoint", where + ".s3"), text(s3, "region", where + ".s3"),
                    Boolean.parseBoolean(String.valueOf(s3.get("insecure"))), keyFormat(s3, where + ".s3"),
                    SecretRef.from(s3.get("accessKeySecret"), where + ".s3.accessKeySecret"),
                    SecretRef.from(s3.get("secretKeySecret"), where + ".s3.secretKeySecret"));
        }
        if (map.get("filesystem") instanceof Map<?, ?> fs) {
            String root = text(fs, "root", where + ".filesystem");
            if (root == null || root.isBlank()) {
                throw new IllegalArgumentException(where + ".filesystem.root: a directory is required");
            }
            return new RepositorySpec.Filesystem(home.resolve(root), keyFormat(fs, where + ".filesystem"));
        }
        String kinds = String.join(", ", map.keySet().stream().map(String::valueOf).toList());
        throw new IllegalArgumentException(where + ": Baton supports 's3' and 'filesystem' repositories, not '"
                + kinds + "'");
    }

    private static String keyFormat(Map<?, ?> map, String where) {
        String format = text(map, "keyFormat", where);
        return format != null ? format : text(map, "keyPrefix", where) == null ? null
                : text(map, "keyPrefix", where) + "/" + RepositoryKeys.DEFAULT_KEY_FORMAT;
    }

    private static String text(Map<?, ?> map, String field, String where) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
            throw new IllegalArgumentException(where + "." + field + ": expected text");
        }
        return String.valueOf(value);
    }
}
