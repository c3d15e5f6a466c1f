package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDriverUnisolatedTest {
    @TempDir
    Path work;

    private static HostDriver unisolated() {
        return new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION, "none",
                HostDriverSettings.KILL_GRACE, "500ms", HostDriverSettings.INSECURE_STEPS, "true")));
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void forcedByTheSettingAndWarnsOnceOnStandardError() {
        String warning = stderrOf(() -> {
            try (HostDriver driver = unisolated()) {
                assertThat(driver.isolation()).isEqualTo(Isolation.NONE);
            }
        });
        assertThat(warning).isEqualTo("baton: no mount namespace available (isolation=none was requested); steps run"
                + " unisolated as this process's user (insecure-steps): a step can read and change everything this"
                + " user can, Baton's own data included" + System.lineSeparator());
    }

    @Test
    void withoutInsecureStepsAStepEndsInErrorSayingWhyAndWhatToDo() throws Exception {
        Path marker = work.resolve("ran");
        String warning = stderrOf(() -> {
            try (HostDriver driver = new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION,
                    "none")))) {
                RecordingListener listener = new RecordingListener();
                driver.start(Launches.in(work).sh("touch " + marker).build(), listener);
                assertThat(listener.await()).isEqualTo(new StepOutcome.Failed("this host allows steps no sandbox"
                        + " (no mount namespace available (isolation=none was requested)), so the step was not run:"
                        + " allow unprivileged user namespaces (or run Baton as root), or start the server with"
                        + " --insecure-steps to run steps unisolated as the server's own user"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(marker).doesNotExist();
        assertThat(warning).isEqualTo("baton: no mount namespace available (isolation=none was requested); steps will"
                + " not run. Start the server with --insecure-steps to run them unisolated as its own user, able to"
                + " read and change everything that user can" + System.lineSeparator());
    }

    @Test
    void forcedByTheSystemPropertyWhenTheSettingIsAbsent() {
        System.setProperty(HostDriverSettings.ISOLATION_PROPERTY, "none");
        try {
            assertThat(HostDriverSettings.from(Map.of()).isolation()).isEqualTo(HostDriverSettings.Requested.NONE);
        } finally {
            System.clearProperty(HostDriverSettings.ISOLATION_PROPERTY);
        }
    }

    @Test
    void relativePathsLandInAPrivateDirectoryAndAbsoluteOnesOnTheHost() throws Exception {
        Path hostFile = work.resolve("shared/abs.txt");
        Path input = Files.writeString(work.resolve("in.txt"), "input\n");
        try (HostDriver driver = unisolated()) {
            RecordingListener listener = new RecordingListener();
            driver.start(Launches.in(work).input(input, work.resolve("placed/in.txt").toString(), null)
                    .sh("cat " + work.resolve("placed/in.txt") + "; echo rel > rel.txt; mkdir -p "
                            + hostFile.getParent() + "; echo abs > " + hostFile + "; echo ${TMPDIR:-unset}")
                    .output("rel", "rel.txt").output("abs", hostFile.toString()).build(), listener);
            StepOutcome.Exited exited = listener.exited();

            assertThat(Files.readAllLines(exited.stdout())).containsExactly("input", "unset");
            assertThat(exited.collected().get("rel")).hasContent("rel").startsWith(work);
            assertThat(exited.collected().get("abs")).isEqualTo(hostFile).hasContent("abs");
        }
    }

    @Test
    void parameterFilesStayInTheAttemptsOwnDirectory() throws Exception {
        Path value = Files.writeString(work.resolve("value"), "v".repeat(200_000));
        try (HostDriver driver = unisolated()) {
            RecordingListener listener = new RecordingListener();
            StepLaunch launch = Launches.in(work).parameterFile("text", value)
                    .sh("echo $BATON_INPUT_PARAMETERS; wc -c < $BATON_INPUT_PARAMETERS/text").build();
            driver.start(launch, listener);
            StepOutcome.Exited exited = listener.exited();

            assertThat(Files.readAllLines(exited.stdout())).containsExactly(
                    launch.workArea().toAbsolutePath().resolve("staging/inputs/parameters").toString(), "200000");
        }
    }

    @Test
    void cancelKillsTheWholeProcessGroup() throws Exception {
        String marker = Orphans.marker();
        try (HostDriver driver = unisolated()) {
            RecordingListener listener = new RecordingListener();
            StepLaunch launch = Launches.in(work).sh("sleep " + marker + " & sleep " + marker).build();
            driver.start(launch, listener);
            Orphans.awaitRunning(marker, 2);

            driver.cancel(launch.attempt(), "stop");

            assertThat(listener.await()).isInstanceOf(StepOutcome.Cancelled.class);
            Orphans.assertNoneLeft(marker);
        }
    }

    @Test
    void closeKillsEverythingStillRunning() throws Exception {
        String marker = Orphans.marker();
        HostDriver driver = unisolated();
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).sh("sleep " + marker + " & sleep " + marker).build(), listener);
        Orphans.awaitRunning(marker, 2);

        driver.close();

        assertThat(listener.await()).isInstanceOf(StepOutcome.Cancelled.class);
        Orphans.assertNoneLeft(marker);
    }
}
