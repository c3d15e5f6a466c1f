package dev.baton.cli.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A 10,000-step fan-out of a no-op process runs to the end and every step is recorded. */
class ScaleIT {
    @TempDir
    Path home;

    @Test
    void tenThousandStepFanOutCompletes() throws Exception {
        Path workflow = home.resolve("fan-out.yaml");
        Files.writeString(workflow, """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: fan-out-
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - name: noop
                        template: noop
                        withSequence: {count: "10000"}
                  - name: noop
                    container: {image: busybox, command: ["true"]}
                """);
        BatonProcess.Outcome outcome = BatonProcess.run(home, 1800, "run", workflow.toString(), "-o", "json");
        RunResult result = outcome.result();
        assertThat(result.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        assertThat(result.pods()).hasSize(10_000).allMatch(n -> n.phase().equals("Succeeded"));
        assertThat(result.node("noop").type()).isEqualTo("TaskGroup");
        BatonProcess.Outcome listed = BatonProcess.run(home, 120, "get", result.name(), "-o", "json");
        assertThat(listed.result().pods()).hasSize(10_000);
    }
}
