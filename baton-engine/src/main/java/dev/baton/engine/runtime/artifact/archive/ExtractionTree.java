package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes archive entries below one root and nowhere else: never through a symbolic link, never above the
 * root, with links checked to point inside the root. Directory modes are applied last, so a read-only
 * directory in the archive does not stop its own contents from being written.
 */
final class ExtractionTree {
    private final Path root;
    private final Map<Path, Integer> directoryModes = new LinkedHashMap<>();
    private final List<Path> links = new ArrayList<>();

    /** {@code root} need not exist; the first entry creates it (as a directory, or as the file for {@code ""}). */
    ExtractionTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    boolean isEmpty() {
        return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
    }

    void directory(String relative, int mode) throws IOException {
        Path path = resolve(relative);
        prepareParents(path, relative);
        if (Files.isSymbolicLink(path) || (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path))) {
            Files.delete(path);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(path);
        }
        directoryModes.put(path, mode);
    }

    void file(String relative, InputStream content, int mode, FileTime modified) throws IOException {
        Path path = resolve(relative);
        prepareParents(path, relative);
        removeExistingLeaf(path, relative);
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            content.transferTo(out);
        }
        PosixModes.apply(path, mode);
        if (modified != null) {
            Files.setLastModifiedTime(path, modified);
        }
    }

    void symbolicLink(String relative, String target) throws IOException {
        Path path = resolve(relative);
        if (target.isEmpty() || target.startsWith("/")) {
            throw new UnsafeArchiveException("refusing link '" + relative + "' -> '" + target
                    + "': only relative links inside the artifact are allowed");
        }
        if (!path.getParent().resolve(target).normalize().startsWith(root)) {
            throw new UnsafeArchiveException("refusing link '" + relative + "' -> '" + target
                    + "': it points outside the artifact");
        }
        prepareParents(path, relative);
        removeExistingLeaf(path, relative);
        Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
        links.add(path);
    }

    /** A tar hard link: a copy of an entry written earlier, which must be a regular file inside the root. */
    void hardLink(String relative, String existingRelative) throws IOException {
        Path existing = resolve(existingRelative);
        ensureNoLinkAlong(existing, existingRelative);
        if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("refusing hard link '" + relative + "' -> '" + existingRelative
                    + "': the target is not a file extracted earlier from the same archive");
        }
        try (InputStream in = Files.newInputStream(existing, LinkOption.NOFOLLOW_LINKS)) {
            file(relative, in, PosixModes.modeOf(existing, PosixModes.DEFAULT_FILE),
                    Files.getLastModifiedTime(existing, LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** Applies directory modes deepest first and checks where every link resolves now that all entries exist. */
    void finish() throws IOException {
        checkLinksResolveInside(root);
        List<Path> deepestFirst = new ArrayList<>(directoryModes.keySet());
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path directory : deepestFirst) {
            PosixModes.apply(directory, directoryModes.get(directory));
        }
    }

    /** Fails if a link extracted so far resolves, or would resolve lexically, outside {@code boundary}. */
    void checkLinksResolveInside(Path boundary) throws IOException {
        Path normalBoundary = boundary.toAbsolutePath().normalize();
        Path realBoundary = Files.exists(normalBoundary) ? normalBoundary.toRealPath() : normalBoundary;
        for (Path link : links) {
            Path target = Files.readSymbolicLink(link);
            boolean lexicallyInside = link.getParent().resolve(target).normalize().startsWith(normalBoundary);
            boolean reallyInside = !Files.exists(link) || link.toRealPath().startsWith(realBoundary);
            if (!lexicallyInside || !reallyInside) {
                throw new UnsafeArchiveException("refusing link '" + root.relativize(link) + "' -> '" + target
                        + "': it resolves outside the artifact");
            }
        }
    }

    private Path resolve(String relative) throws UnsafeArchiveException {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new UnsafeArchiveException("refusing archive entry '" + relative + "': it lies outside the target");
        }
        return path;
    }

    /** Creates missing parents below the root; an existing parent that is a link or a file is refused. */
    private void prepareParents(Path path, String relative) throws IOException {
        if (path.equals(root)) {
            Files.createDirectories(root.getParent());
            return;
        }
        Path current = root;
        ensureDirectoryStep(current, relative);
        for (Path part : root.relativize(path.getParent())) {
            if (part.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            ensureDirectoryStep(current, relative);
        }
    }

    private void ensureDirectoryStep(Path directory, String relative) throws IOException {
        if (Files.isSymbolicLink(directory)) {
            throw new UnsafeArchiveException("refusing archive entry '" + relative
                    + "': it would be written through the link '" + root.relativize(directory) + "'");
        }
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory.getParent());
            Files.createDirectory(directory);
        } else if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("refusing archive entry '" + relative + "': '"
                    + root.relativize(directory) + "' is a file, not a directory");
        }
    }

    private void ensureNoLinkAlong(Path path, String relative) throws IOException {
        Path current = root;
        for (Path part : root.relativize(path)) {
            if (Files.isSymbolicLink(current)) {
                throw new UnsafeArchiveException("refusing hard link to '" + relative + "': it goes through a link");
            }
            current = current.resolve(part);
        }
    }

    private static void removeExistingLeaf(Path path, String relative) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("refusing archive entry '" + relative
                    + "': a directory of that name was extracted before");
        }
        Files.deleteIfExists(path);
    }
}
