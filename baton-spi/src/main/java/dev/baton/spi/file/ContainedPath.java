package dev.baton.spi.file;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way to put text that came from a user (a run's namespace, uid, node id, a file name) into a path under a
 * directory Baton owns: each segment must be a single plain file name, and no directory between the base and the
 * result may be a symbolic link, so the result is always inside the base.
 */
public final class ContainedPath {
    /** Most file systems refuse longer names; refusing them here gives a clear message instead. */
    static final int MAX_SEGMENT_BYTES = 255;

    private ContainedPath() {
    }

    /**
     * {@code base/segments[0]/segments[1]/…}, checked.
     *
     * @throws UnsafePathException naming the segment, when one is empty, {@code .} or {@code ..}, holds a
     *                             {@code /}, a backslash or a control character (NUL and newline included), is
     *                             too long, or when an existing directory on the way is a symbolic link
     */
    public static Path resolve(Path base, String... segments) throws UnsafePathException {
        Path root = base.toAbsolutePath().normalize();
        Path path = root;
        for (String segment : segments) {
            String problem = segmentProblem(segment);
            if (problem != null) {
                throw new UnsafePathException(problem);
            }
            if (path != root && Files.isSymbolicLink(path)) {
                throw new UnsafePathException("refused path: a directory on the way is a symbolic link");
            }
            path = path.resolve(segment);
        }
        if (!path.normalize().startsWith(root) || path.equals(root) && segments.length > 0) {
            throw new UnsafePathException("refused path: it leaves its directory");
        }
        return path;
    }

    /**
     * Whether {@code file}, which lies inside {@code base}, leads outside it once its symbolic links are followed
     * (a step that links its output to {@code /etc/shadow} or to {@code $BATON_HOME/baton.db}). A file outside
     * {@code base}, a missing file and a dangling link lead nowhere: false.
     */
    public static boolean linksLeave(Path base, Path file) throws java.io.IOException {
        Path root = base.toAbsolutePath().normalize();
        Path path = file.toAbsolutePath().normalize();
        if (!path.startsWith(root) || !Files.exists(path)) {
            return false;
        }
        return !path.toRealPath().startsWith(root.toRealPath());
    }

    /** Why {@code segment} is not a single plain file name, or null when it is. */
    public static String segmentProblem(String segment) {
        if (segment == null || segment.isEmpty()) {
            return "refused path segment: it is empty";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "refused path segment '" + segment + "'";
        }
        if (segment.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
            return "refused path segment '" + printable(segment)
                    + "': it holds a '/', a backslash or a control character";
        }
        if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            return "refused path segment '" + printable(segment.substring(0, 20)) + "…': longer than "
                    + MAX_SEGMENT_BYTES + " bytes";
        }
        return null;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(text.length(), 60);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return text.length() > shown ? out + "…" : out.toString();
    }
}
