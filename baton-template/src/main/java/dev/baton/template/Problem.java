package dev.baton.template;

import java.util.Comparator;

/**
 * One thing wrong with a document: where it is (file, YAML path, line and column; 0 when unknown)
 * and what a person should know about it.
 */
public record Problem(String file, String path, int line, int column, String message) {
    /** Orders problems by file, then line, then column, then path. */
    public static final Comparator<Problem> BY_LOCATION = Comparator
            .comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::path);

    public Problem {
        file = file == null ? "" : file;
        path = path == null ? "" : path;
    }

    /** A problem known only by its YAML path, located later through a source map. */
    public static Problem at(String path, String message) {
        return new Problem("", path, 0, 0, message);
    }

    /** A problem about a whole file (unreadable, too large, not text). */
    public static Problem inFile(String file, String message) {
        return new Problem(file, "", 0, 0, message);
    }

    public Problem located(String newFile, int newLine, int newColumn) {
        return new Problem(newFile, path, newLine, newColumn, message);
    }

    public Problem withPathPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        String joined = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        return new Problem(file, joined, line, column, message);
    }

    /** {@code FILE:LINE:COL: PATH: message}; line and column are left out when unknown, the path when empty. */
    public String format() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
