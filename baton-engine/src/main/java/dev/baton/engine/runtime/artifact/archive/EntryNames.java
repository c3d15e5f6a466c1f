package dev.baton.engine.runtime.artifact.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns archive entry names into safe relative paths, refusing absolute names and {@code ..}. */
final class EntryNames {
    private EntryNames() {
    }

    /** {@code "./a//b/"} becomes {@code "a/b"}; the archive's own root ({@code "."}, {@code "./"}) becomes {@code ""}. */
    static String normalise(String name) throws UnsafeArchiveException {
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException("refusing archive entry '" + name + "': absolute paths are not allowed");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                throw new UnsafeArchiveException("refusing archive entry '" + name + "': '..' is not allowed");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** A user-given {@code subPath}, normalised the same way; {@code null} and blank mean the whole artifact. */
    static String normaliseSubPath(String subPath) {
        if (subPath == null || subPath.isBlank()) {
            return "";
        }
        try {
            return normalise(subPath.strip().replaceFirst("^/+", ""));
        } catch (UnsafeArchiveException e) {
            throw new IllegalArgumentException("subPath '" + subPath + "' must stay inside the artifact");
        }
    }

    /** Where an entry lands relative to the selected part of the artifact, or empty if it is outside that part. */
    static Optional<String> select(String entry, String subPath) {
        if (subPath.isEmpty()) {
            return Optional.of(entry);
        }
        if (entry.equals(subPath)) {
            return Optional.of("");
        }
        if (entry.startsWith(subPath + "/")) {
            return Optional.of(entry.substring(subPath.length() + 1));
        }
        return Optional.empty();
    }
}
