package dev.baton.cli.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values far above Argo's 256 KiB limits pass from step to step: a ~20 MiB {@code result} and output parameter
 * reach the next step through its script source and its parameter file, byte for byte, while the store keeps
 * only their addresses; values a command line cannot carry, or beyond the maximum, end the step with a reason.
 */
class LargeValuesIT {
    private static final int LINES = 2_300_000;

    @TempDir
    Path home;

    @Test
    void twentyMebibyteResultAndParameterReachTheNextStepWhole() throws Exception {
        Path workflow = Files.writeString(home.resolve("large.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: large-values-
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: produce, template: produce}
                    - - name: consume
                        template: consume
                        arguments:
                          parameters:
                          - {name: text, value: "{{steps.produce.outputs.result}}"}
                          - {name: data, value: "{{steps.produce.outputs.parameters.data}}"}
                  - name: produce
                    script:
                      image: python:3.12
                      command: [python]
                      source: |
                        import sys
                        text = "\\n".join("%08d" % i for i in range(LINES)) + "\\n"
                        open("/tmp/data", "w").write(text)
                        sys.stdout.write(text)
                    outputs:
                      parameters:
                      - name: data
                        valueFrom: {path: /tmp/data}
                  - name: consume
                    inputs:
                      parameters: [{name: text}, {name: data}]
                    script:
                      image: python:3.12
                      command: [python]
                      source: |
                        import hashlib, os
                        text = \"\"\"{{inputs.parameters.text}}\"\"\"
                        data = open(os.environ["BATON_INPUT_PARAMETERS"] + "/data", "rb").read()
                        print(hashlib.sha256(text.encode()).hexdigest(), hashlib.sha256(data).hexdigest())
                """.replace("LINES", Integer.toString(LINES)));

        BatonProcess.Outcome outcome = BatonProcess.run(home, 600, "run", workflow.toString(), "-o", "json");

        RunResult result = outcome.result();
        assertThat(result.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        String expected = sha256(expectedValue());
        assertThat(result.node("consume").stdout()).isEqualTo(expected + " " + expected);
        RunResult.Node produce = result.node("produce");
        assertThat(produce.json().path("outputs").path("storedResult").path("size").asLong())
                .isEqualTo(expectedValue().length);
        assertThat(produce.json().path("outputs").path("storedResult").path("digest").asText())
                .isEqualTo("sha256:" + expected);
        assertThat(produce.json().path("outputs").path("parameters").get(0).path("storedValue").path("digest")
                .asText()).isEqualTo("sha256:" + expected);
        assertThat(Files.size(home.resolve("baton.db"))).as("the store keeps addresses, not the values")
                .isLessThan(4L * 1024 * 1024);
        assertThat(outcome.stdout().length()).isLessThan(64 * 1024);

        BatonProcess.Outcome got = BatonProcess.run(home, 120, "get", result.name(), "-o", "json");
        assertThat(got.result().node("produce").json().path("outputs").path("storedResult").path("digest").asText())
                .isEqualTo("sha256:" + expected);
    }

    @Test
    void anArgumentOverLinuxsLimitAndAValueOverTheMaximumErrorWithTheirReason() throws Exception {
        Path workflow = Files.writeString(home.resolve("limits.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: value-limits-
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: big, template: print, arguments: {parameters: [{name: n, value: "200000"}]}}
                      - name: as-arg
                        depends: big
                        template: echo
                        arguments:
                          parameters: [{name: text, value: "{{tasks.big.outputs.result}}"}]
                      - {name: huge, template: print, arguments: {parameters: [{name: n, value: "3000000"}]}}
                  - name: print
                    inputs:
                      parameters: [{name: n}]
                    script:
                      image: python:3.12
                      command: [python]
                      source: print("y" * {{inputs.parameters.n}})
                  - name: echo
                    inputs:
                      parameters: [{name: text}]
                    container: {image: busybox, command: [echo, "{{inputs.parameters.text}}"]}
                """);

        BatonProcess.Outcome outcome = BatonProcess.run(home, Map.of("BATON_VALUE_MAX", "2Mi"), 300, "run",
                workflow.toString(), "-o", "json");

        RunResult result = outcome.result();
        assertThat(result.phase()).as(outcome.stderr()).isEqualTo("Error");
        assertThat(result.node("big").phase()).isEqualTo("Succeeded");
        assertThat(result.node("as-arg").phase()).isEqualTo("Error");
        assertThat(result.node("as-arg").message()).isEqualTo("template 'echo': command[1] is 200000 bytes (it holds"
                + " input parameter 'text'), more than Linux accepts for one argument or environment variable"
                + " (MAX_ARG_STRLEN, 128 KiB); read large values from the file $BATON_INPUT_PARAMETERS/<name>, or"
                + " substitute them into a script source");
        assertThat(result.node("huge").phase()).isEqualTo("Error");
        assertThat(result.node("huge").message()).isEqualTo("the result (standard output) is 3000000 bytes, larger"
                + " than the maximum of 2 MiB for one value (BATON_VALUE_MAX); pass data this large as an output"
                + " artifact instead");
    }

    private static byte[] expectedValue() {
        StringBuilder text = new StringBuilder(LINES * 9);
        for (int i = 0; i < LINES; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(String.format("%08d", i));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
