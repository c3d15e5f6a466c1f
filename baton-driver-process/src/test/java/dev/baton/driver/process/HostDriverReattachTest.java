package dev.baton.driver.process;

import dev.baton.testkit.StepReachableDirectory;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepOutcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver started after the engine that launched a step died picks the step up from its work area. The
 * engine that dies is another JVM ({@link EngineThatDies}) that halts right after starting the step: the
 * step keeps running, and nothing but its work area tells the second driver about it.
 */
class HostDriverReattachTest {
    @TempDir
    Path work;

    @BeforeEach
    void needsTheForkServer() {
        Assumptions.assumeTrue(ExecutableSearch.ofHost().has("python3"), "python3 is not installed");
    }

    @Test
    void aStepThatEndedWhileTheEngineWasDownIsCollectedAsIfObserved() throws Exception {
        StepLaunch launch = Launches.in(work)
                .sh("sleep 0.5; echo result > /tmp/out.txt; mkdir -p /out; echo tree > /out/file; echo said; exit 3")
                .output("parameter:p", "/tmp/out.txt").output("artifact:a", "/out").build();
        startThenLoseTheEngine(launch);
        awaitFile(launch.workArea().resolve(AttemptFiles.EXIT_STATUS));

        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = NamespaceDrivers.create()) {
            assertThat(driver.reattach(launch, listener)).isTrue();
            StepOutcome.Exited exited = listener.exited();

            assertThat(exited.exitCode()).isEqualTo(3);
            assertThat(exited.stdout()).content().isEqualTo("said\n");
            assertThat(exited.collected().get("parameter:p")).content().isEqualTo("result\n");
            assertThat(exited.collected().get("artifact:a").resolve("file")).content().isEqualTo("tree\n");
            assertThat(listener.finishedCalls.get()).isEqualTo(1);
        }
    }

    @Test
    void aStepStillRunningIsWatchedUntilItEnds() throws Exception {
        Path marks = StepReachableDirectory.create("baton-reattach-").resolve("marks");
        try {
            StepLaunch launch = Launches.in(work)
                    .sh("sleep 3; echo once >> " + marks + "; echo value > /tmp/v.txt")
                    .output("parameter:v", "/tmp/v.txt").build();

            RecordingListener listener = new RecordingListener();
            try (HostDriver driver = NamespaceDrivers.create()) {
                startThenLoseTheEngine(launch);
                assertThat(launch.workArea().resolve(AttemptFiles.EXIT_STATUS)).doesNotExist();
                assertThat(driver.reattach(launch, listener)).isTrue();
                assertThat(listener.awaitStarted()).isTrue();
                assertThat(listener.outcome).as("still running when re-attached").isNotDone();
                StepOutcome.Exited exited = listener.exited();

                assertThat(exited.exitCode()).isZero();
                assertThat(exited.collected().get("parameter:v")).content().isEqualTo("value\n");
            }
            assertThat(marks).as("the step ran exactly once").content().isEqualTo("once\n");
        } finally {
            Files.deleteIfExists(marks);
            Files.deleteIfExists(marks.getParent());
        }
    }

    @Test
    void aReattachedStepCanBeCancelled() throws Exception {
        String marker = Orphans.marker();
        StepLaunch launch = Launches.in(work).sh("exec sleep " + marker).build();
        startThenLoseTheEngine(launch);
        Orphans.awaitRunning(marker, 1);

        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = NamespaceDrivers.create()) {
            assertThat(driver.reattach(launch, listener)).isTrue();
            assertThat(listener.awaitStarted()).isTrue();
            driver.cancel(launch.attempt(), "stopped by the test");

            assertThat(listener.await(Duration.ofSeconds(20)))
                    .isInstanceOfSatisfying(StepOutcome.Cancelled.class,
                            cancelled -> assertThat(cancelled.reason()).isEqualTo("stopped by the test"));
        }
        Orphans.assertNoneLeft(marker);
    }

    @Test
    void anAttemptNeverHandedToALauncherIsLeftToStartAndReportsNothing() throws Exception {
        StepLaunch launch = Launches.in(work).sh("echo hi").build();
        Files.createDirectories(launch.workArea().resolve("inputs"));

        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = NamespaceDrivers.create()) {
            assertThat(driver.reattach(launch, listener)).isFalse();
            assertThat(driver.reattach(launch, listener)).as("asked again, after another restart").isFalse();
            Thread.sleep(200);
            assertThat(listener.outcome).isNotDone();
        }
        assertThat(launch.workArea().resolve(AttemptFiles.INIT)).as("claimed, so that no late init runs it")
                .content().isEqualTo("unstarted\n");
    }

    @Test
    void anAttemptLaunchedWithoutATraceOfItsProcessIsLostNotRunAgain() throws Exception {
        StepLaunch launch = Launches.in(work).sh("echo hi").build();
        Files.createDirectories(launch.workArea());
        new AttemptFiles(launch.workArea()).markLaunched();

        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = NamespaceDrivers.create()) {
            assertThat(driver.reattach(launch, listener)).isTrue();

            assertThat(listener.await()).isEqualTo(new StepOutcome.Failed(
                    "the step's process was lost while the engine was down; it was not run again"));
        }
        assertThat(launch.workArea().resolve("stdout.log")).doesNotExist();
    }

    @Test
    void aRecycledPidIsNotTakenForTheStep() throws Exception {
        StepLaunch launch = Launches.in(work).sh("echo hi").build();
        Files.createDirectories(launch.workArea());
        new AttemptFiles(launch.workArea()).markLaunched();
        long self = ProcessHandle.current().pid();
        Files.writeString(launch.workArea().resolve(AttemptFiles.INIT),
                self + " " + (RecordedInit.startTicksOf(self).orElseThrow() + 1) + "\n");

        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = NamespaceDrivers.create()) {
            driver.reattach(launch, listener);

            assertThat(listener.await()).isInstanceOf(StepOutcome.Failed.class);
        }
    }

    @Test
    void whileTheEngineLivesAStepWhoseForkServerDiedIsEndedNotLeftRunning() throws Exception {
        String marker = Orphans.marker();
        StepLaunch launch = Launches.in(work).sh("exec sleep " + marker).build();
        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = NamespaceDrivers.create()) {
            Assumptions.assumeTrue(driver.forksSteps(), "steps are not forked by the fork server here");
            driver.start(launch, listener);
            Orphans.awaitRunning(marker, 1);
            ProcessHandle.current().children()
                    .filter(child -> child.info().command().map(command -> command.contains("python")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);

            assertThat(listener.await()).isInstanceOf(StepOutcome.Failed.class);
        }
        Orphans.assertNoneLeft(marker);
    }

    /** Starts the step from another JVM, which halts once the step's init recorded itself: an engine crash. */
    private static void startThenLoseTheEngine(StepLaunch launch) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), EngineThatDies.class.getName(),
                launch.workArea().toString(), launch.args().getFirst()));
        launch.outputs().forEach(output -> command.add(output.key() + "=" + output.path()));
        Process engine = new ProcessBuilder(command).inheritIO().start();
        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(engine.exitValue() != EngineThatDies.NO_FORK_SERVER,
                "steps are not forked by the fork server here");
        assertThat(engine.exitValue()).isZero();
        assertThat(launch.workArea().resolve(AttemptFiles.INIT)).exists();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }
}
