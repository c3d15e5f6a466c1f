package dev.baton.cli.conformance;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared plumbing of the conformance suites: runs a file from the Argo examples and checks its phase. */
abstract class ConformanceSupport {
    @TempDir
    Path home;

    /** The bytes of a stored artifact (a file artifact is stored as its raw bytes) under this run's home. */
    String artifactText(String digest) throws java.io.IOException {
        assertThat(digest).as("artifact digest").startsWith("sha256:");
        String hex = digest.substring("sha256:".length());
        return java.nio.file.Files.readString(home.resolve("artifacts/sha256").resolve(hex.substring(0, 2))
                .resolve(hex.substring(2)));
    }

    RunResult run(String file, String expectedPhase, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", Conformance.file(file).toString(), "-o", "json"));
        args.addAll(List.of(extra));
        BatonProcess.Outcome outcome = BatonProcess.run(home, 300, args.toArray(String[]::new));
        RunResult result = outcome.result();
        assertThat(result.phase()).as("phase of %s; stderr:%n%s", file, outcome.stderr()).isEqualTo(expectedPhase);
        assertThat(outcome.exitCode()).as("exit status of %s", file)
                .isEqualTo(expectedPhase.equals("Succeeded") ? 0 : 1);
        return result;
    }
}
