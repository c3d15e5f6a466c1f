package dev.baton.cli.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine process is killed with SIGKILL at random moments while a 20-step workflow runs, then
 * resumed: every run ends Succeeded and every step's append happened exactly once.
 */
class CrashRecoveryIT {
    private static final int TRIALS = 20;
    private static final int STEPS = 20;

    @TempDir
    Path home;

    @Test
    void killedRunsResumeAndEveryStepRunsExactlyOnce() throws Exception {
        Random random = new Random(20261129L);
        for (int trial = 0; trial < TRIALS; trial++) {
            Path log = Files.createDirectories(home.resolve("out")).resolve("trial-" + trial + ".log");
            String name = "crash-" + trial;
            Path workflow = home.resolve(name + ".yaml");
            Files.writeString(workflow, workflowYaml(name));
            Process run = start("run", workflow.toString(), "-p", "log=" + log, "--max-parallel-steps", "4");
            Thread.sleep(300 + random.nextInt(4000));
            run.destroyForcibly();
            run.waitFor(30, TimeUnit.SECONDS);
            for (int attempt = 0; attempt < 5; attempt++) {
                Process resume = start("resume");
                if (attempt < 2 && random.nextBoolean()) {
                    Thread.sleep(200 + random.nextInt(2000));
                    resume.destroyForcibly();
                    resume.waitFor(30, TimeUnit.SECONDS);
                    continue;
                }
                assertThat(resume.waitFor(300, TimeUnit.SECONDS)).as("resume of trial %d finishes", trial).isTrue();
                break;
            }
            RunResult result = BatonProcess.run(home, 120, "get", name, "-o", "json").result();
            assertThat(result.phase()).as("trial %d", trial).isEqualTo("Succeeded");
            assertThat(appends(log)).as("appends of trial %d", trial).hasSize(STEPS)
                    .allSatisfy((step, count) -> assertThat(count).as(step).isEqualTo(1));
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(BatonProcess.launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().remove("TERM");
        builder.redirectErrorStream(true).redirectOutput(home.resolve("engine.log").toFile());
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

    /** Layers of parallel steps; two of them pass a file to the next. */
    private static String workflowYaml(String name) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= STEPS; i++) {
            String id = String.format("s%02d", i);
            String depends = i == 1 ? "" : i <= 5 ? "s01" : i == 6 ? "s02 && s03 && s04 && s05"
                    : i <= 10 ? "s06" : i == 11 ? "s07 && s08 && s09 && s10" : String.format("s%02d", i - 1);
            String template = i == 6 ? "produce" : i == 7 ? "consume" : "append";
            tasks.append("      - name: ").append(id).append("\n")
                    .append("        template: ").append(template).append("\n");
            if (!depends.isEmpty()) {
                tasks.append("        depends: \"").append(depends).append("\"\n");
            }
            tasks.append("        arguments:\n          parameters: [{name: id, value: ").append(id).append("}]\n");
            if (i == 7) {
                tasks.append("          artifacts: [{name: data, from: \"{{tasks.s06.outputs.artifacts.data}}\"}]\n");
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
                      args: ["sleep 0.$((RANDOM % 8 + 1)); echo {{inputs.parameters.id}} >> {{workflow.parameters.log}}"]
                  - name: produce
                    inputs: {parameters: [{name: id}]}
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["echo payload > /tmp/data.txt; sleep 0.5; echo {{inputs.parameters.id}} >> {{workflow.parameters.log}}"]
                    outputs:
                      artifacts: [{name: data, path: /tmp/data.txt}]
                  - name: consume
                    inputs:
                      parameters: [{name: id}]
                      artifacts: [{name: data, path: /in/data.txt}]
                    container:
                      image: busybox
                      command: [sh, -c]
                      args: ["grep -q payload /in/data.txt && sleep 0.3 && echo {{inputs.parameters.id}} >> {{workflow.parameters.log}}"]
                """;
    }
}
