package dev.baton.driver.process;

import dev.baton.testkit.StepReachableDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What every sandboxed isolation guarantees, run against each of them by a subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxedHostDriverTests {
    private HostDriver driver;

    @TempDir
    Path work;

    /** A driver with the isolation under test, or an aborted assumption where the host lacks it. */
    abstract HostDriver createDriver();

    abstract Isolation expectedIsolation();

    /** Whether this isolation can give a step a private view of an existing host directory. */
    boolean privatisesHostDirectories() {
        return true;
    }

    private void assumeOverlays() {
        Assumptions.assumeTrue(privatisesHostDirectories(),
                expectedIsolation() + " on this host cannot overlay existing host directories");
    }

    @BeforeAll
    void startDriver() {
        driver = createDriver();
    }

    @AfterAll
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private StepOutcome.Exited run(StepLaunch launch) throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.start(launch, listener);
        return listener.exited();
    }

    @Test
    void reportsItsIsolation() {
        assertThat(driver.isolation()).isEqualTo(expectedIsolation());
        assertThat(driver.isolationWarning()).isEmpty();
    }

    @Test
    void echoWritesStdoutToAFile() throws Exception {
        StepOutcome.Exited exited = run(Launches.in(work).sh("echo hello; echo oops >&2").build());

        assertThat(exited.exitCode()).isZero();
        assertThat(exited.deadlineExceeded()).isFalse();
        assertThat(exited.stdout()).hasContent("hello");
        assertThat(exited.stderr()).hasContent("oops");
    }

    @Test
    void exitCodeIsRecorded() throws Exception {
        assertThat(run(Launches.in(work).sh("exit 3").build()).exitCode()).isEqualTo(3);
    }

    @Test
    void pythonScriptIsStagedAndAppendedAsLastArgument() throws Exception {
        StepOutcome.Exited exited = run(Launches.in(work).command("python")
                .script("import sys\nprint(6 * 7)\nprint(sys.argv[0])\n").build());

        assertThat(exited.exitCode()).isZero();
        assertThat(Files.readAllLines(exited.stdout())).containsExactly("42", "/argo/staging/script");
    }

    @Test
    void aScriptGivenAsAFileRunsAndParameterFilesAreReadableInside() throws Exception {
        Path script = Files.writeString(work.resolve("script-source"), "import os\n"
                + "d = os.environ['BATON_INPUT_PARAMETERS']\n"
                + "print(open(d + '/big').read().count('x'), open(d + '/small').read())\n");
        Path big = Files.writeString(work.resolve("big"), "x".repeat(300_000));
        Path small = Files.writeString(work.resolve("small"), "hello");

        StepOutcome.Exited exited = run(Launches.in(work).image("python:3.12").command("python").scriptFile(script)
                .parameterFile("big", big).parameterFile("small", small).build());

        assertThat(exited.exitCode()).isZero();
        assertThat(exited.stdout()).hasContent("300000 hello");
        assertThat(big).hasContent("x".repeat(300_000));
    }

    @Test
    void parameterFilesAreUnderTheStepsOwnTmpWithoutChangingItsView() throws Exception {
        Path value = Files.writeString(work.resolve("value"), "v".repeat(200_000));

        StepOutcome.Exited exited = run(Launches.in(work).parameterFile("text", value)
                .sh("echo $BATON_INPUT_PARAMETERS; wc -c < $BATON_INPUT_PARAMETERS/text; ls /tmp").build());

        assertThat(exited.exitCode()).isZero();
        assertThat(Files.readAllLines(exited.stdout())).containsExactly("/tmp/baton/inputs/parameters", "200000",
                "baton");
        assertThat(value).hasContent("v".repeat(200_000));
    }

    @Test
    void shScriptRunsWithBashFeatures() throws Exception {
        StepOutcome.Exited exited = run(Launches.in(work).command("sh", "-c")
                .script("n=$RANDOM\nif [[ $n -ge 0 ]]; then echo bash-ok; fi\n").build());

        assertThat(exited.stdout()).hasContent("bash-ok");
    }

    @Test
    void envAndMissingWorkingDirectoryAreHonouredInsideTheView() throws Exception {
        assumeOverlays();
        String dir = "/opt/baton-wd-" + ProcessHandle.current().pid() + "/deep";
        StepOutcome.Exited exited = run(Launches.in(work).env("GREETING", "bonjour").workingDir(dir)
                .sh("pwd; echo $GREETING; echo ${TMPDIR:-unset}; echo here > local.txt")
                .output("local", "local.txt").build());

        assertThat(Files.readAllLines(exited.stdout())).containsExactly(dir, "bonjour", "unset");
        assertThat(exited.collected().get("local")).hasContent("here");
        assertThat(Path.of(dir)).doesNotExist();
    }

    @Test
    void parallelAttemptsEachHaveTheirOwnTmp() throws Exception {
        String body = "echo %s > /tmp/out.txt; sleep 0.5; cat /tmp/out.txt";
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        driver.start(Launches.in(work).sh(body.formatted("A")).output("out", "/tmp/out.txt").build(), a);
        driver.start(Launches.in(work).sh(body.formatted("B")).output("out", "/tmp/out.txt").build(), b);

        assertThat(a.exited().stdout()).hasContent("A");
        assertThat(b.exited().stdout()).hasContent("B");
        assertThat(a.exited().collected().get("out")).hasContent("A");
        assertThat(b.exited().collected().get("out")).hasContent("B");
        assertThat(Path.of("/tmp/out.txt")).doesNotExist();
    }

    @Test
    void tmpIsPrivateWhenNothingIsDeclared() throws Exception {
        String name = "baton-private-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        StepOutcome.Exited exited = run(Launches.in(work).sh("echo x > /tmp/" + name + " && ls /tmp").build());

        assertThat(exited.exitCode()).isZero();
        assertThat(exited.stdout()).hasContent(name);
        assertThat(Path.of("/tmp", name)).doesNotExist();
    }

    @Test
    void hostFilesOutsideDeclaredPathsAreShared() throws Exception {
        // Outside /tmp, /var/tmp and /dev/shm, which are private to each step.
        Path shared = StepReachableDirectory.create("baton-shared-").resolve("touched");
        try {
            StepOutcome.Exited exited = run(Launches.in(work).command("touch", shared.toString()).build());

            assertThat(exited.exitCode()).isZero();
            assertThat(shared).exists();
        } finally {
            Files.deleteIfExists(shared);
            Files.deleteIfExists(shared.getParent());
        }
    }

    @Test
    void declaredPathsStayPrivateAndAreCollected() throws Exception {
        assumeOverlays();
        Path csv = Files.writeString(work.resolve("data.csv"), "a,b\n1,2\n");
        StepOutcome.Exited exited = run(Launches.in(work).input(csv, "/inputs/data.csv", null)
                .sh("mkdir -p /mnt/out && cp /inputs/data.csv /mnt/out/x && echo 3,4 >> /mnt/out/x")
                .output("x", "/mnt/out/x").output("absent", "/mnt/out/never").build());

        assertThat(exited.exitCode()).isZero();
        assertThat(exited.collected()).containsOnlyKeys("x");
        assertThat(exited.collected().get("x")).hasContent("a,b\n1,2\n3,4");
        assertThat(Path.of("/mnt/out/x")).doesNotExist();
        assertThat(Path.of("/inputs")).doesNotExist();
    }

    @Test
    void relativeOutputResolvesAgainstRoot() throws Exception {
        StepOutcome.Exited exited = run(Launches.in(work).sh("echo 42 > result.txt").output("result", "result.txt")
                .build());

        assertThat(exited.collected().get("result")).hasContent("42");
        assertThat(Path.of("/result.txt")).doesNotExist();
    }

    @Test
    void inputIsHardLinkedAndReadable() throws Exception {
        Path csv = Files.writeString(work.resolve("linked.csv"), "x,y\n");
        Object inode = Files.getAttribute(csv, "unix:ino");
        StepOutcome.Exited exited = run(Launches.in(work).input(csv, "/inputs/data.csv", null)
                .sh("stat -c %i /inputs/data.csv; cat /inputs/data.csv").build());

        assertThat(Files.readAllLines(exited.stdout())).containsExactly(inode.toString(), "x,y");
    }

    @Test
    void inputModeIsAppliedToACopyNotTheSource() throws Exception {
        assumeOverlays();
        Path tool = Files.writeString(work.resolve("tool.sh"), "echo tool-ran\n");
        Files.setAttribute(tool, "unix:mode", 0644);
        StepOutcome.Exited exited = run(Launches.in(work).input(tool, "/opt/baton-tool.sh", 0755)
                .sh("/opt/baton-tool.sh").build());

        assertThat(exited.stdout()).hasContent("tool-ran");
        assertThat((Integer) Files.getAttribute(tool, "unix:mode") & 0777).isEqualTo(0644);
        assertThat(Path.of("/opt/baton-tool.sh")).doesNotExist();
    }

    @Test
    void outputDirectoryMergesHostContentWithWhatTheStepAdded() throws Exception {
        assumeOverlays();
        StepOutcome.Exited exited = run(Launches.in(work)
                .sh("mkdir -p /etc/baton-merge && echo new > /etc/baton-merge/new.txt && ls /etc/ > /tmp/etc.txt")
                .output("etc", "/etc/baton-merge").output("hosts", "/etc/hostname").build());

        assertThat(exited.collected().get("etc").resolve("new.txt")).hasContent("new");
        assertThat(exited.collected().get("hosts")).isEqualTo(Path.of("/etc/hostname"));
        assertThat(Path.of("/etc/baton-merge")).doesNotExist();
    }

    @Test
    void deadlineKillsTheStepAndKeepsEarlierStdout() throws Exception {
        long begin = System.nanoTime();
        StepOutcome.Exited exited = run(Launches.in(work).sh("echo before; sleep 30; echo after")
                .deadline(Duration.ofMillis(500)).build());

        assertThat(exited.deadlineExceeded()).isTrue();
        assertThat(exited.exitCode()).isNotZero();
        assertThat(exited.stdout()).hasContent("before");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void cancelKillsTheStepAndItsChildren() throws Exception {
        String marker = Orphans.marker();
        RecordingListener listener = new RecordingListener();
        StepLaunch launch = Launches.in(work).sh("sleep " + marker + " & sleep " + marker).build();
        driver.start(launch, listener);
        Orphans.awaitRunning(marker, 2);

        driver.cancel(launch.attempt(), "user asked");

        assertThat(listener.await()).isInstanceOf(StepOutcome.Cancelled.class)
                .extracting(o -> ((StepOutcome.Cancelled) o).reason()).isEqualTo("user asked");
        Orphans.assertNoneLeft(marker);
    }

    @Test
    void backgroundProcessesDieWithTheStep() throws Exception {
        String marker = Orphans.marker();
        StepOutcome.Exited exited = run(Launches.in(work).sh("sleep " + marker + " & echo done").build());

        assertThat(exited.stdout()).hasContent("done");
        Orphans.assertNoneLeft(marker);
    }

    @Test
    void secondStartOfTheSameAttemptIsIgnored() throws Exception {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        StepLaunch launch = Launches.in(work).sh("echo once >> /tmp/count; cat /tmp/count").build();
        driver.start(launch, first);
        driver.start(launch, second);

        assertThat(first.exited().stdout()).hasContent("once");
        Thread.sleep(200);
        assertThat(second.outcome).isNotDone();
        assertThat(first.finishedCalls).hasValue(1);
    }

    @Test
    void imageWithoutCommandFailsClearly() throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).image("python:3.12").args("hello").build(), listener);

        assertThat(listener.await()).isEqualTo(new StepOutcome.Failed(
                "image python:3.12 has no command; the host driver needs one (set command: in the template)"));
    }

    @Test
    void largeStdoutIsStreamedToAFile() throws Exception {
        StepOutcome.Exited exited = run(Launches.in(work).sh("head -c 100000000 /dev/zero").build());

        assertThat(exited.exitCode()).isZero();
        assertThat(Files.size(exited.stdout())).isEqualTo(100_000_000L);
    }
}
