package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile workflow run through {@code bin/baton run}: one step attacks Baton and the host, the others do
 * ordinary work; every attack fails, the ordinary steps succeed and no secret of Baton's environment leaks.
 */
class HostileStepIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "baton").toAbsolutePath().normalize();
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: hostile-
            spec:
              entrypoint: main
              arguments:
                parameters:
                - name: home
                - name: outsider
              templates:
              - name: main
                dag:
                  tasks:
                  - name: attack
                    template: attack
                  - name: produce
                    template: produce
                  - name: consume
                    template: consume
                    dependencies: [produce]
                    arguments:
                      artifacts:
                      - name: data
                        from: "{{tasks.produce.outputs.artifacts.data}}"
              - name: attack
                script:
                  image: alpine:3.20
                  command: [sh]
                  source: |
                    home="{{workflow.parameters.home}}"
                    try() { if sh -c "$1" >/dev/null 2>&1; then echo "SUCCEEDED: $1"; else echo "failed: $1"; fi; }
                    try "umount /tmp"
                    try "umount /proc"
                    try "mount -t tmpfs none /mnt"
                    try "cat $home/baton.db"
                    try "echo x >> $home/baton.db"
                    try "ls -A $home/work | grep ."
                    try "echo pwned > /etc/baton-pwned"
                    try "su -c true root"
                    try "kill -0 {{workflow.parameters.outsider}}"
                    env | grep -E '^(BATON|AWS)_' | sed 's/^/LEAK: /'
                    echo "uid=$(id -u)"
              - name: produce
                script:
                  image: alpine:3.20
                  command: [sh]
                  workingDir: /job/wd
                  source: |
                    echo scratch > /tmp/scratch && mkdir -p /mnt/out && echo payload > /mnt/out/data.txt && echo ok > local.txt && cat /tmp/scratch local.txt
                outputs:
                  artifacts:
                  - name: data
                    path: /mnt/out/data.txt
              - name: consume
                inputs:
                  artifacts:
                  - name: data
                    path: /inputs/data.txt
                script:
                  image: alpine:3.20
                  command: [sh]
                  source: |
                    cat /inputs/data.txt
            """;

    /** Outside /tmp, which every step sees as its own: only the sandbox keeps a step from this home. */
    private Path home;
    private Process outsider;

    @BeforeAll
    static void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(Path.of("target", "baton-cli.jar")), "run ./mvnw package first");
    }

    @BeforeEach
    void setUp() throws IOException {
        home = Path.of("target", "hostile-home-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(home);
        outsider = new ProcessBuilder("sleep", "300").start();
    }

    @AfterEach
    void tearDown() throws IOException {
        outsider.destroyForcibly();
        try (var paths = Files.walk(home)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private record Done(int exitCode, String stdout, String stderr) {
    }

    private Done baton(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().remove("BATON_STORE_URL");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "aws-secret-of-the-operator");
        builder.environment().put("BATON_S3_SECRET_KEY", "s3-secret-of-the-operator");
        Process p = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        String err = read(p.getErrorStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Done(p.exitValue(), out.join(), err);
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyAttackFailsWhileOrdinaryStepsSucceed() throws Exception {
        Path workflow = Files.writeString(home.resolve("hostile.yaml"), WORKFLOW);
        Done run = baton("run", workflow.toString(), "-p", "home=" + home, "-p", "outsider=" + outsider.pid());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("attack Succeeded", "produce Succeeded", "consume Succeeded");
        String name = run.stderr().lines().filter(l -> l.startsWith("Running ")).findFirst().orElseThrow()
                .substring("Running ".length());

        Done logs = baton("logs", name);

        assertThat(logs.exitCode()).as(logs.stderr()).isZero();
        String stepUser = BatonUserId.isRoot() ? "65534" : BatonUserId.uid();
        assertThat(logs.stdout().lines().filter(l -> l.startsWith("attack: ")).toList()).containsExactly(
                "attack: failed: umount /tmp",
                "attack: failed: umount /proc",
                "attack: failed: mount -t tmpfs none /mnt",
                "attack: failed: cat " + home + "/baton.db",
                "attack: failed: echo x >> " + home + "/baton.db",
                "attack: failed: ls -A " + home + "/work | grep .",
                "attack: failed: echo pwned > /etc/baton-pwned",
                "attack: failed: su -c true root",
                "attack: failed: kill -0 " + outsider.pid(),
                "attack: uid=" + stepUser);
        assertThat(logs.stdout()).contains("produce: scratch", "produce: ok", "consume: payload")
                .doesNotContain("LEAK", "secret-of-the-operator");
        assertThat(Path.of("/etc/baton-pwned")).doesNotExist();
        assertThat(outsider.isAlive()).isTrue();
    }

    /** Who runs this test, and so Baton: the step user is nobody under root, else this user. */
    private static final class BatonUserId {
        static String uid() throws IOException {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
        }

        static boolean isRoot() throws IOException {
            return uid().equals("0");
        }
    }
}
