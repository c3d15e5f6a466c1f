package dev.baton.cli.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step whose output is not UTF-8 ({@code printf 'caf\xe9'}, Latin-1) succeeds as in Argo: its log is kept byte
 * for byte, and its {@code result} and output parameter become text with U+FFFD that the next step receives.
 */
class OddBytesIT {
    @TempDir
    Path home;

    @Test
    void aStepPrintingLatin1SucceedsKeepsItsLogAndPassesReplacementCharacters() throws Exception {
        Path workflow = Files.writeString(home.resolve("odd.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: odd-bytes
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: emit, template: emit}
                      - name: show
                        depends: emit
                        template: show
                        arguments:
                          parameters:
                          - {name: p, value: "{{tasks.emit.outputs.parameters.p}}"}
                          - {name: r, value: "{{tasks.emit.outputs.result}}"}
                  - name: emit
                    script:
                      image: alpine
                      command: [sh]
                      source: |
                        printf 'caf\\351' > /tmp/p
                        printf 'caf\\351\\n'
                    outputs:
                      parameters:
                      - name: p
                        valueFrom: {path: /tmp/p}
                  - name: show
                    inputs:
                      parameters: [{name: p}, {name: r}]
                    script:
                      image: alpine
                      command: [sh]
                      source: |
                        printf '%s|%s' '{{inputs.parameters.p}}' '{{inputs.parameters.r}}'
                """);

        RunResult run = BatonProcess.run(home, 120, "run", workflow.toString(), "-o", "json").result();

        assertThat(run.phase()).isEqualTo("Succeeded");
        assertThat(run.node("emit").phase()).isEqualTo("Succeeded");
        assertThat(run.node("emit").outputParameter("p")).isEqualTo("caf\uFFFD");
        assertThat(run.node("emit").stdout()).isEqualTo("caf\uFFFD");
        assertThat(run.node("show").stdout()).isEqualTo("caf\uFFFD|caf\uFFFD");
        assertThat(logs("odd-bytes", "emit")).containsExactly('c', 'a', 'f', 0xe9, '\n');
    }

    /** What {@code baton logs RUN NODE} writes, as bytes. */
    private byte[] logs(String run, String node) throws Exception {
        Path out = home.resolve("logs.bin");
        ProcessBuilder builder = new ProcessBuilder(List.of(BatonProcess.launcher().toString(), "logs", run, node))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("BATON_HOME", home.toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllBytes(out);
    }
}
