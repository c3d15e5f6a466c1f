package dev.baton.driver.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Optional;

/**
 * Reads what a step left in one overlay after it exited: a path is in the upper layer when the step
 * wrote it, in the host's lower layer when untouched, hidden by a whiteout when deleted, and a merge
 * of both when the step added files to an existing host directory. The overlay is mounted with
 * {@code userxattr}, so opaque directories carry {@code user.overlay.opaque}.
 */
final class OverlayLayers {
    private static final int FILE_TYPE = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;

    private final Path upper;
    private final Path lower;
    private final Path scratch;

    /** @param scratch where merged directories are assembled (hard links, no copies where possible) */
    OverlayLayers(Path upper, Path lower, Path scratch) {
        this.upper = upper;
        this.lower = lower;
        this.scratch = scratch;
    }

    Optional<Path> locate(String relative) throws IOException {
        boolean lowerHidden = false;
        Path upperPath = upper;
        Path relativePath = Path.of(relative);
        int depth = relative.isEmpty() ? 0 : relativePath.getNameCount();
        for (int i = 0; i < depth - 1; i++) {
            upperPath = upperPath.resolve(relativePath.getName(i).toString());
            if (isWhiteout(upperPath)) {
                return Optional.empty();
            }
            if (Files.exists(upperPath, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(upperPath, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                lowerHidden |= isOpaque(upperPath);
            }
        }
        Path inUpper = ViewPaths.under(upper, relative);
        Path inLower = ViewPaths.under(lower, relative);
        if (isWhiteout(inUpper)) {
            return Optional.empty();
        }
        if (Files.exists(inUpper, LinkOption.NOFOLLOW_LINKS)) {
            boolean merge = Files.isDirectory(inUpper, LinkOption.NOFOLLOW_LINKS) && !lowerHidden
                    && !isOpaque(inUpper) && Files.isDirectory(inLower, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(merge ? merged(inLower, inUpper) : inUpper);
        }
        if (!lowerHidden && Files.exists(inLower, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(inLower);
        }
        return Optional.empty();
    }

    private Path merged(Path lowerDir, Path upperDir) throws IOException {
        Files.createDirectories(scratch);
        Path target = Files.createTempDirectory(scratch, "merged-");
        FileTrees.linkTree(lowerDir, target);
        Files.walkFileTree(upperDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(upperDir.relativize(dir).toString());
                if (!dir.equals(upperDir) && isOpaque(dir)) {
                    FileTrees.delete(to);
                }
                Files.createDirectories(to);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(upperDir.relativize(file).toString());
                FileTrees.delete(to);
                if (!isWhiteout(file)) {
                    FileTrees.linkOrCopy(file, to);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    static boolean isWhiteout(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        long device = (Long) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        return (mode & FILE_TYPE) == CHARACTER_DEVICE && device == 0;
    }

    private static boolean isOpaque(Path dir) {
        try {
            UserDefinedFileAttributeView xattrs =
                    Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (xattrs == null || !xattrs.list().contains("overlay.opaque")) {
                return false;
            }
            ByteBuffer value = ByteBuffer.allocate(xattrs.size("overlay.opaque"));
            xattrs.read("overlay.opaque", value);
            return new String(value.array(), StandardCharsets.UTF_8).startsWith("y");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
