package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A readable description of a directory tree (kind, mode, content or link target per path) for comparing trees in tests. */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (path.equals(root)) {
                    continue;
                }
                entries.put(root.relativize(path).toString(), describe(path));
            }
        }
        return entries;
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link -> " + Files.readSymbolicLink(path);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        if (Files.isDirectory(path)) {
            return "dir " + mode;
        }
        return "file " + mode + " " + Files.readString(path);
    }
}
