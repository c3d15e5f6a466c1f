package dev.baton.engine.core;

import dev.baton.engine.core.scope.JsonText;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Artifacts travel through {@code {{steps.X.outputs.artifacts.Y}}} tags as JSON text, as they do in
 * Argo; this encodes and decodes that text.
 */
final class ArtifactTags {
    private static final String MARKER = "batonArtifact";

    private ArtifactTags() {
    }

    static String encode(ArtifactRef ref) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(MARKER, ref.digest());
        map.put("size", ref.size());
        map.put("directory", ref.directory());
        map.put("key", ref.key());
        return JsonText.write(map);
    }

    static ArtifactRef decode(String text) {
        if (text == null || !text.contains(MARKER)) {
            return null;
        }
        try {
            if (JsonText.read(text) instanceof Map<?, ?> map && map.get(MARKER) instanceof String digest) {
                long size = map.get("size") instanceof Number n ? n.longValue() : 0L;
                boolean directory = Boolean.TRUE.equals(map.get("directory"));
                String key = map.get("key") instanceof String k ? k : null;
                return new ArtifactRef(digest, size, directory, key);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
