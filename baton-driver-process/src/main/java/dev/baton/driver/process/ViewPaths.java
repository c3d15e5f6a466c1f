package dev.baton.driver.process;

import java.nio.file.Path;

/** Normalises paths as a step sees them ({@code /mnt/out/x}), which are strings, not host paths. */
final class ViewPaths {
    private ViewPaths() {
    }

    /** An absolute, normalised form of {@code path}; relative paths resolve against {@code workingDir}. */
    static String absolute(String path, String workingDir) {
        Path base = Path.of(workingDir == null || workingDir.isBlank() ? "/" : workingDir);
        return Path.of("/").resolve(base).resolve(path).normalize().toString();
    }

    /** The first component of an absolute view path ({@code mnt} for {@code /mnt/out/x}), or "" for {@code /}. */
    static String top(String absolute) {
        String rest = absolute.substring(1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** What follows the top ({@code out/x} for {@code /mnt/out/x}), or "". */
    static String belowTop(String absolute) {
        String rest = absolute.substring(1);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }

    static Path under(Path dir, String relative) {
        return relative.isEmpty() ? dir : dir.resolve(relative);
    }
}
