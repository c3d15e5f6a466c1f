package dev.baton.cli.conformance;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds Argo's conformance examples beside the project ({@code ../shared/conformance/argo}). */
final class Conformance {
    private Conformance() {
    }

    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/conformance/argo");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String reason = "Argo conformance examples (../shared/conformance/argo) not found from " + dir;
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(reason);
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        return null;
    }

    static Path file(String relative) {
        return directory().resolve(relative);
    }
}
