package dev.baton.driver.process;

import dev.baton.testkit.StepReachableDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.driver.StepOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile steps against a driver run as root, in each namespace launcher (a subclass per launcher): every
 * attack is tried in the cheap view (the host's file system with a private {@code /tmp}) and in a private
 * root (a step declaring {@code /mnt/out}), and each must fail while ordinary work still succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StepConfinementTests {
    private static final String NOBODY = "65534";

    /** A Baton home outside /tmp (the step's /tmp is its own anyway), laid out as Baton lays it out. */
    private Path home;
    private Path database;
    private HostDriver driver;
    private Process outsider;

    /** The driver settings that pick the launcher under test. */
    abstract Map<String, String> launcherSettings();

    /** A declared output that makes the step's view a private root, where the launcher can build one. */
    String privateRootOutput() {
        return "/mnt/out/result";
    }

    /** Whether this launcher gives a private view of an existing host directory such as /mnt. */
    boolean overlaysHostDirectories() {
        return true;
    }

    @BeforeAll
    void startDriver() throws IOException {
        Assumptions.assumeTrue(BatonUser.current().root(), "these attacks are set up for Baton running as root");
        home = StepReachableDirectory.create("confined-home-" + getClass().getSimpleName() + "-");
        FileTrees.delete(home);
        Files.createDirectories(home.resolve("work/other-run/node-0"));
        Files.createDirectories(home.resolve("secrets/default"));
        database = Files.writeString(home.resolve("baton.db"), "tokens\n");
        Files.writeString(home.resolve("secrets/default/password"), "hunter2\n");
        Files.writeString(home.resolve("work/other-run/node-0/stdout.log"), "another run's output\n");
        // Readable by anyone, so that only the sandbox keeps a step out (the control test below proves it would not).
        makeWorldReadable(home);
        driver = driver(home);
        outsider = new ProcessBuilder("sleep", "300").start();
    }

    private HostDriver driver(Path hidden) {
        Map<String, String> settings = new java.util.HashMap<>(launcherSettings());
        settings.putIfAbsent(HostDriverSettings.ISOLATION, "namespace");
        settings.put(HostDriverSettings.KILL_GRACE, "1s");
        if (hidden != null) {
            settings.put(HostDriverSettings.HIDDEN_PATHS, hidden.toString());
        }
        try {
            return new HostDriver(HostDriverSettings.from(settings));
        } catch (IllegalStateException e) {
            Assumptions.abort("isolation unavailable: " + e.getMessage());
            throw e;
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.close();
        }
        if (outsider != null) {
            outsider.destroyForcibly();
        }
        if (home != null) {
            FileTrees.delete(home);
        }
    }

    /** What one attack printed, and how it ended, in one view. */
    record Attempt(String view, int exitCode, String output) {
    }

    /** Runs {@code script} in both views, in a work area under the hidden home, as Baton does. */
    private List<Attempt> attack(HostDriver with, String script) throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (boolean privateRoot : new boolean[] {false, true}) {
            Launches launch = Launches.in(home.resolve("work")).sh("{ " + script + "; } 2>&1");
            if (privateRoot) {
                launch.output("out", privateRootOutput());
            }
            RecordingListener listener = new RecordingListener();
            with.start(launch.build(), listener);
            StepOutcome.Exited exited = listener.exited();
            attempts.add(new Attempt(privateRoot ? "private root" : "private /tmp", exited.exitCode(),
                    Files.readString(exited.stdout(), StandardCharsets.UTF_8)));
        }
        return attempts;
    }

    private List<Attempt> attack(String script) throws Exception {
        return attack(driver, script);
    }

    @Test
    void theStepRunsAsNobodyWithNoCapabilitiesAndNoNewPrivileges() throws Exception {
        for (Attempt a : attack("id -u; id -g; id -G; grep -E '^(CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs)' "
                + "/proc/self/status")) {
            assertThat(a.output()).as(a.view()).isEqualTo(String.join("\n", NOBODY, NOBODY, NOBODY,
                    "CapPrm:\t0000000000000000", "CapEff:\t0000000000000000", "CapBnd:\t0000000000000000",
                    "CapAmb:\t0000000000000000", "NoNewPrivs:\t1", ""));
        }
    }

    @Test
    void umountOfTmpFailsAndTheHostsTmpStaysOutOfSight() throws Exception {
        Path marker = Files.writeString(Path.of("/tmp/baton-marker-" + ProcessHandle.current().pid()), "HOST-SECRET");
        try {
            for (Attempt a : attack("umount /tmp; umount -l /tmp; umount /proc; cat " + marker)) {
                assertThat(a.exitCode()).as(a.view()).isNotZero();
                // In a private root /tmp is a plain directory ("not mounted"); /proc is a mount in every view.
                assertThat(a.output()).as(a.view()).contains("umount: /tmp:", "umount: /proc: must be superuser",
                        "No such file").doesNotContain("HOST-SECRET");
            }
        } finally {
            Files.delete(marker);
        }
    }

    @Test
    void mountingAFileSystemFails() throws Exception {
        for (Attempt a : attack("mkdir -p /tmp/m && mount -t tmpfs none /tmp/m && echo MOUNTED")) {
            assertThat(a.exitCode()).as(a.view()).isNotZero();
            assertThat(a.output()).as(a.view()).doesNotContain("MOUNTED");
        }
    }

    @Test
    void batonsDatabaseCanBeNeitherReadNorAppendedTo() throws Exception {
        for (Attempt a : attack("cat " + database + "; echo '*|admin' >> " + database + "; ls -A " + home)) {
            assertThat(a.exitCode()).as(a.view()).isZero();
            assertThat(a.output()).as(a.view()).contains("No such file or directory", "Read-only file system")
                    .doesNotContain("tokens");
        }
        assertThat(database).hasContent("tokens");
    }

    @Test
    void otherRunsWorkAreasAndSecretsAreOutOfSight() throws Exception {
        for (Attempt a : attack("ls -A " + home.resolve("work") + " " + home.resolve("secrets")
                + " | sed 's/^/entry:/'; cat " + home.resolve("work/other-run/node-0/stdout.log") + " "
                + home.resolve("secrets/default/password"))) {
            assertThat(a.exitCode()).as(a.view()).isNotZero();
            assertThat(a.output()).as(a.view()).contains("No such file or directory")
                    .doesNotContain("entry:other-run", "entry:default", "another run", "hunter2");
        }
    }

    @Test
    void withoutTheHiddenPathTheSameStepWouldReadTheDatabase() throws Exception {
        try (HostDriver unhidden = driver(null)) {
            for (Attempt a : attack(unhidden, "cat " + database)) {
                assertThat(a.output()).as(a.view()).isEqualTo("tokens\n");
            }
        }
    }

    @Test
    void filesPlantedInTheHostsSharedDirectoriesAreOutOfSight() throws Exception {
        List<Path> planted = new ArrayList<>();
        for (String dir : List.of("/var/tmp", "/dev/shm")) {
            Path file = Files.writeString(Path.of(dir, "baton-planted-" + ProcessHandle.current().pid()), "PLANTED");
            Files.setAttribute(file, "unix:mode", 0666);
            planted.add(file);
        }
        try {
            for (Attempt a : attack("ls -A /var/tmp /dev/shm | sed 's/^/entry:/'; cat " + planted.get(0) + " "
                    + planted.get(1) + "; rm -f " + planted.get(0) + " " + planted.get(1))) {
                assertThat(a.output()).as(a.view()).contains("No such file or directory")
                        .doesNotContain("entry:baton-planted", "PLANTED");
            }
            assertThat(planted.get(0)).hasContent("PLANTED");
            assertThat(planted.get(1)).hasContent("PLANTED");
        } finally {
            for (Path file : planted) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void whatAStepWritesToSharedDirectoriesStaysItsOwn() throws Exception {
        String name = "baton-left-" + ProcessHandle.current().pid();
        List<Path> left = List.of(Path.of("/var/tmp", name), Path.of("/dev/shm", name));
        try {
            for (Attempt a : attack("echo one > /var/tmp/" + name + " && echo two > /dev/shm/" + name
                    + " && mkdir /var/tmp/d && cat /var/tmp/" + name + " /dev/shm/" + name
                    + " && stat -c %a /var/tmp")) {
                assertThat(a.exitCode()).as(a.view()).isZero();
                assertThat(a.output()).as(a.view()).isEqualTo("one\ntwo\n1777\n");
                assertThat(left.get(0)).as(a.view()).doesNotExist();
                assertThat(left.get(1)).as(a.view()).doesNotExist();
            }
            // A second step, as another namespace's would be, finds nothing the first left.
            for (Attempt a : attack("cat /var/tmp/" + name + " /dev/shm/" + name
                    + "; ls -A /var/tmp | sed 's/^/entry:/'")) {
                assertThat(a.output()).as(a.view()).contains("No such file or directory")
                        .doesNotContain("one", "two", "entry:");
            }
        } finally {
            for (Path file : left) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void anOutputDeclaredUnderVarTmpIsCollectedAndStaysOffTheHost() throws Exception {
        Assumptions.assumeTrue(overlaysHostDirectories(), "this launcher cannot give a private /var");
        Path out = Path.of("/var/tmp/baton-out-" + ProcessHandle.current().pid());
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(home.resolve("work")).sh("{ mkdir -p " + out + " && echo kept > " + out
                + "/x && echo scratch > /dev/shm/s && cat /dev/shm/s; } 2>&1").output("out", out.toString()).build(),
                listener);
        StepOutcome.Exited exited = listener.exited();

        assertThat(Files.readString(exited.stdout())).isEqualTo("scratch\n");
        assertThat(exited.exitCode()).isZero();
        assertThat(exited.collected().get("out").resolve("x")).hasContent("kept");
        assertThat(out).doesNotExist();
        assertThat(Path.of("/dev/shm/s")).doesNotExist();
    }

    @Test
    void writingEtcFails() throws Exception {
        Path pwned = Path.of("/etc/baton-pwned");
        for (Attempt a : attack("echo pwned > " + pwned + " && echo WROTE")) {
            assertThat(a.exitCode()).as(a.view()).isNotZero();
            assertThat(a.output()).as(a.view()).contains("Permission denied").doesNotContain("WROTE");
        }
        assertThat(pwned).doesNotExist();
    }

    @Test
    void setuidProgramsGainNothing() throws Exception {
        for (Attempt a : attack("su -c id root; mount -t tmpfs none /mnt; echo uid=$(id -u)")) {
            assertThat(a.output()).as(a.view()).endsWith("uid=" + NOBODY + "\n").doesNotContain("uid=0(");
        }
    }

    @Test
    void processesOutsideTheStepsNamespaceCannotBeSignalled() throws Exception {
        for (Attempt a : attack("kill -9 " + outsider.pid() + " && echo KILLED")) {
            assertThat(a.exitCode()).as(a.view()).isNotZero();
            assertThat(a.output()).as(a.view()).doesNotContain("KILLED");
        }
        assertThat(outsider.isAlive()).isTrue();
    }

    @Test
    void aSymbolicLinkAsOutputDoesNotMakeBatonReadWhatTheStepCannot() throws Exception {
        Assumptions.assumeTrue(overlaysHostDirectories(), "this launcher cannot give a private /mnt");
        for (String target : List.of(database.toString(), "/etc/shadow")) {
            RecordingListener listener = new RecordingListener();
            driver.start(Launches.in(home.resolve("work")).sh("mkdir -p /mnt/out; ln -s " + target
                    + " /mnt/out/stolen; ln -s " + target + " /tmp/stolen")
                    .output("root", "/mnt/out/stolen").output("tmp", "/tmp/stolen").build(), listener);
            StepOutcome.Exited exited = listener.exited();
            assertThat(exited.exitCode()).isZero();
            assertThat(exited.collected()).as(target).isEmpty();
        }
    }

    @Test
    void ordinaryWorkStillSucceedsAsTheStepUser() throws Exception {
        Assumptions.assumeTrue(overlaysHostDirectories(), "this launcher cannot give a private /mnt");
        Path secretInput = Files.writeString(home.resolve("work/input.txt"), "input\n");
        Files.setAttribute(secretInput, "unix:mode", 0600);
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(home.resolve("work")).workingDir("/job-" + ProcessHandle.current().pid() + "/wd")
                .input(secretInput, "/inputs/in.txt", null)
                .sh("echo tmp > /tmp/t && cat /tmp/t /inputs/in.txt && mkdir -p /mnt/out/dir && echo out > "
                        + "/mnt/out/dir/x && echo here > local.txt && echo rel > ../rel.txt && id -u")
                .output("dir", "/mnt/out/dir").output("local", "local.txt").output("rel", "../rel.txt").build(),
                listener);
        StepOutcome.Exited exited = listener.exited();

        assertThat(Files.readString(exited.stdout())).isEqualTo("tmp\ninput\n" + NOBODY + "\n");
        assertThat(exited.exitCode()).isZero();
        assertThat(exited.collected().get("dir").resolve("x")).hasContent("out");
        assertThat(exited.collected().get("local")).hasContent("here");
        assertThat(exited.collected().get("rel")).hasContent("rel");
        assertThat((Integer) Files.getAttribute(secretInput, "unix:uid")).isZero();
    }

    private static void makeWorldReadable(Path tree) throws IOException {
        try (var paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:mode", Files.isDirectory(path) ? 0755 : 0644);
            }
        }
    }
}
