package dev.baton.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code bin/baton lint} as a real process at the default heap, to show hostile inputs end quickly
 * and without running out of memory. Needs {@code baton-cli/target/baton-cli.jar} (built by package).
 */
class LintProcessTest {
    private static final Path LAUNCHER = Path.of("..", "bin", "baton").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "baton-cli.jar");
    private static final Duration LIMIT = Duration.ofSeconds(2);
    /** How long {@code bin/baton version} takes here: JVM start-up, which a loaded machine stretches. */
    private static Duration startup;

    /** Exit code, output and wall-clock time of one run. */
    private record Run(int exitCode, String stdout, String stderr, Duration elapsed) {
    }

    @BeforeAll
    static void needsThePackagedJar() {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isExecutable(LAUNCHER),
                "skipped: " + JAR.toAbsolutePath() + " is missing; run ./mvnw package first");
        startup = Duration.ofDays(1);
        for (int i = 0; i < 2; i++) {
            try {
                Duration elapsed = baton("version").elapsed();
                startup = elapsed.compareTo(startup) < 0 ? elapsed : startup;
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Lint's own work (time beyond start-up) stays under the limit. */
    private static void assertQuick(Run run) {
        assertThat(run.elapsed().minus(startup)).as("elapsed %s, start-up %s", run.elapsed(), startup)
                .isLessThan(LIMIT);
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws Exception {
        Run run = lint(Path.of("src/test/resources/invalid/billion-laughs.yaml").toAbsolutePath());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).contains("limit on alias expansion");
        assertQuick(run);
    }

    @Test
    void aSixtyMegabyteFileIsRefusedQuickly(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(60L * 1024 * 1024);
        }

        Run run = lint(big);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).contains("limit on document size");
        assertQuick(run);
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "kind: Workflow\nspec: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        Run run = lint(deep);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).contains("limit on nesting depth");
        assertThat(run.stderr()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
        assertQuick(run);
    }

    @Test
    void aLargeDocumentJustUnderTheSizeLimitDoesNotRunOutOfMemory(@TempDir Path dir) throws Exception {
        Path large = dir.resolve("large.yaml");
        StringBuilder text = new StringBuilder("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  items:\n");
        while (text.length() < 15 * 1024 * 1024) {
            text.append("  - x\n");
        }
        Files.writeString(large, text);

        Run run = lint(large);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    private static Run lint(Path file) throws IOException, InterruptedException {
        return baton("lint", file.toString());
    }

    private static Run baton(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        boolean finished = process.waitFor(30, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("baton lint did not finish in 30 s");
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), stdout, stderr, elapsed);
    }
}
