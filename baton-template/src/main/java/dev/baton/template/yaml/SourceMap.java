package dev.baton.template.yaml;

import dev.baton.template.Problem;

import java.util.HashMap;
import java.util.Map;

/** Where each path of one document starts in its file, so problems found later can name a line. */
public final class SourceMap {
    /** A 1-based line and column. */
    public record Position(int line, int column) {
        public static final Position UNKNOWN = new Position(0, 0);
    }

    private final Map<String, Position> positions = new HashMap<>();

    void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    /** The position of the path, or of its nearest ancestor that has one. */
    public Position locate(String path) {
        String current = path;
        while (true) {
            Position position = positions.get(current);
            if (position != null) {
                return position;
            }
            if (current.isEmpty()) {
                return Position.UNKNOWN;
            }
            current = YamlPath.parent(current);
        }
    }

    /** The problem with this file and the line and column of its path. */
    public Problem locate(Problem problem, String file) {
        Position position = locate(problem.path());
        return problem.located(file, position.line(), position.column());
    }

    public static SourceMap empty() {
        return new SourceMap();
    }
}
