package dev.baton.cli.conformance;

import dev.baton.testkit.StepReachableDirectory;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine process is killed with SIGKILL at random moments while a 20-step workflow runs (some steps in
 * parallel, two passing a file and a value on), then resumed — sometimes killed again while resuming — until the
 * run ends: every run ends Succeeded and every step's append to a shared file happened exactly once.
 */
class CrashRecoveryIT {
    private static final int TRIALS = 20;
    private static final int STEPS = 20;
    private static final long SEED = Long.getLong("baton.crash.seed", 20261129L);
    /** How long after its first step starts the run is killed, at most: about the run's length. */
    private static final int KILL_WITHIN_MILLIS = 5000;

    @TempDir
    Path home;
    /** Outside /tmp, which each step sees privately: the appends must land on the host. */
    private Path shared;

    @BeforeEach
    void sharedDirectory() throws IOException {
        // Steps run as an unprivileged user (nobody under root), which must be able to append here.
        shared = StepReachableDirectory.create("baton-crash-");
    }

    @AfterEach
    void removeSharedDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void killedRunsResumeAndEveryStepRunsExactlyOnce() throws Exception {
        BatonProcess.launcher();
        Random random = new Random(SEED);
        System.out.println("crash recovery: seed " + SEED + " (-Dbaton.crash.seed to repeat)");
        int killedMidRun = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path log = shared.resolve("trial-" + trial + ".log");
            String name = "crash-" + trial;
            Path workflow = home.resolve(name + ".yaml");
            Files.writeString(workflow, workflowYaml(name));
            Process run = start("run", workflow.toString(), "-p", "log=" + log);
            awaitFirstStep(name, run);
            int delay = random.nextInt(KILL_WITHIN_MILLIS);
            Thread.sleep(delay);
            int appendedAtKill = appends(log).size();
            boolean finished = !run.isAlive();
            run.destroyForcibly();
            run.waitFor(30, TimeUnit.SECONDS);
            killedMidRun += finished || appendedAtKill == STEPS ? 0 : 1;
            StringBuilder story = new StringBuilder("trial " + trial + ": killed " + delay + " ms after the first step ("
                    + appendedAtKill + " appends)");
            for (int cycle = 0; ; cycle++) {
                Process resume = start("resume");
                if (cycle < 2 && random.nextInt(4) == 0) {
                    int resumeDelay = 500 + random.nextInt(3000);
                    Thread.sleep(resumeDelay);
                    story.append(", resume killed after ").append(resumeDelay).append(" ms");
                    resume.destroyForcibly();
                    resume.waitFor(30, TimeUnit.SECONDS);
                    continue;
                }
                assertThat(resume.waitFor(180, TimeUnit.SECONDS)).as("resume of trial %d finishes", trial).isTrue();
                story.append(", resumed");
                break;
            }
            System.out.println(story);

            assertThat(phase(name)).as("%s\nengine output:\n%s", story, engineOutput()).isEqualTo("Succeeded");
            Map<String, Integer> counts = appends(log);
            assertThat(counts.keySet()).as("trial %d: every step appended its line", trial)
                    .containsExactlyInAnyOrderElementsOf(expectedLines());
            assertThat(counts).as("%s", story)
                    .allSatisfy((line, count) -> assertThat(count).as(line).isEqualTo(1));
        }
        System.out.println("crash recovery: " + killedMidRun + " of " + TRIALS + " engines killed mid-run");
        assertThat(killedMidRun).as("kills that landed while the run was unfinished").isGreaterThanOrEqualTo(TRIALS / 2);
    }

    /** Waits until the run's first step has a work area ({@code work/<namespace>/<uid>}): the run is recorded by then. */
    private void awaitFirstStep(String name, Process run) throws Exception {
        Path work = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((work == null || !Files.exists(work)) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            if (work == null) {
                work = uid(name).map(uid -> home.resolve("work").resolve("default").resolve(uid)).orElse(null);
            }
        }
        assertThat(work).as("the run was recorded (see %s)", home.resolve("engine.log")).isNotNull();
        assertThat(work).as("the run started a step (see %s)", home.resolve("engine.log")).exists();
    }

    private java.util.Optional<String> uid(String name) {
        if (!Files.exists(home.resolve("baton.db"))) {
            return java.util.Optional.empty();
        }
        try (Store store = JdbcStore.sqlite(home.resolve("baton.db"))) {
            return store.runs().find("default", name).map(RunRecord::uid);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The end of what every engine of the test printed, to explain a failure. */
    private String engineOutput() throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("engine.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private String phase(String name) {
        try (Store store = JdbcStore.sqlite(home.resolve("baton.db"))) {
            return store.runs().find("default", name).map(RunRecord::phase).orElse("(not recorded)");
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(BatonProcess.launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().remove("TERM");
        builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("engine.log").toFile()));
        return builder.start();
    }

    private static Map<String, Integer> appends(Path log) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                if (!line.isBlank()) {
                    counts.merge(line.trim(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static List<String> expectedLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= STEPS; i++) {
            String id = String.format("s%02d", i);
            lines.add(i == 7 ? id + " payload-of-s06" : i == 12 ? id + " word-of-s11" : id);
        }
        return lines;
    }

    /** Nine layers, four of them parallel; s06 passes a file to s07 and s11 a value to s12. */
    private static String workflowYaml(String name) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= STEPS; i++) {
            String id = String.format("s%02d", i);
            String depends = i == 1 ? "" : i <= 5 ? "s01" : i == 6 ? "s02 && s03 && s04 && s05"
                    : i <= 10 ? "s06" : i == 11 ? "s07 && s08 && s09 && s10"
                    : i <= 15 ? "s11" : i == 16 ? "s12 && s13 && s14 && s15"
                    : i <= 19 ? "s16" : "s17 && s18 && s19";
            String template = i == 6 ? "produce-file" : i == 7 ? "consume-file"
                    : i == 11 ? "produce-value" : i == 12 ? "consume-value" : "append";
            tasks.append("      - name: ").append(id).append("\n")
                    .append("        template: ").append(template).append("\n");
            if (!depends.isEmpty()) {
                tasks.append("        depends: \"").append(depends).append("\"\n");
            }
            tasks.append("        arguments:\n          parameters:\n          - {name: id, value: ").append(id).append("}\n");
            if (i == 7) {
                tasks.append("          artifacts: [{name: data, from: \"{{tasks.s06.outputs.artifacts.data}}\"}]\n");
            }
            if (i == 12) {
                tasks.append("          - {name: word, value: \"{{tasks.s11.outputs.parameters.word}}\"}\n");
            }
        }
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: NAME
                spec:
                  entrypoint: main
                  arguments:
                    parameters:
                    - name: log
                  templates:
                  - name: main
                    dag:
                      tasks:
                """.replace("NAME", name) + tasks + """
                  - name: append
                    inputs: {parameters: [{name: id}]}
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["sleep 0.$((RANDOM % 3 + 1)); echo {{inputs.parameters.id}} >> {{workflow.parameters.log}}"]
                  - name: produce-file
                    inputs: {parameters: [{name: id}]}
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["echo payload-of-s06 > /tmp/data.txt; sleep 0.3; echo {{inputs.parameters.id}} >> {{workflow.parameters.log}}"]
                    outputs:
                      artifacts: [{name: data, path: /tmp/data.txt}]
                  - name: consume-file
                    inputs:
                      parameters: [{name: id}]
                      artifacts: [{name: data, path: /in/data.txt}]
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["sleep 0.2; echo {{inputs.parameters.id}} $(cat /in/data.txt) >> {{workflow.parameters.log}}"]
                  - name: produce-value
                    inputs: {parameters: [{name: id}]}
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["echo -n word-of-s11 > /tmp/word.txt; sleep 0.3; echo {{inputs.parameters.id}} >> {{workflow.parameters.log}}"]
                    outputs:
                      parameters: [{name: word, valueFrom: {path: /tmp/word.txt}}]
                  - name: consume-value
                    inputs: {parameters: [{name: id}, {name: word}]}
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["sleep 0.2; echo {{inputs.parameters.id}} {{inputs.parameters.word}} >> {{workflow.parameters.log}}"]
                """;
    }
}
