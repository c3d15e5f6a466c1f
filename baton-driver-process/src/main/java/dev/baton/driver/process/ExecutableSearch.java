package dev.baton.driver.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell does, on a given {@code PATH}. */
final class ExecutableSearch {
    private final String searchPath;

    ExecutableSearch(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    static ExecutableSearch ofHost() {
        return new ExecutableSearch(System.getenv("PATH"));
    }

    /** The host's {@code PATH} as the step searches it: without the directories the step's user cannot reach. */
    static ExecutableSearch ofHostFor(Confinement confinement) {
        return new ExecutableSearch(confinement.reachableSearchPath(System.getenv("PATH")));
    }

    Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    boolean has(String program) {
        return find(program).isPresent();
    }
}
