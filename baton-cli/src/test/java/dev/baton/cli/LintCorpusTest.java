package dev.baton.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LintCorpusTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "invalid");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-entrypoint.yaml          | 5  | spec.entrypoint: missing entrypoint
            unknown-entrypoint.yaml          | 6  | spec.entrypoint: unknown template 'mian', did you mean 'main'?
            unknown-step-template.yaml       | 11 | spec.templates[0].steps[0][0].template: unknown template 'say-hello'
            unknown-task-template.yaml       | 15 | spec.templates[0].dag.tasks[1].template: unknown template 'missing'
            unknown-templateref.yaml         | 12 | templateRef.name: unknown WorkflowTemplate 'no-such-library'
            unknown-templateref-template.yaml| 22 | templateRef.template: WorkflowTemplate 'library' has no template 'print-mesage', did you mean 'print-message'?
            unknown-workflowtemplateref.yaml | 8  | spec.workflowTemplateRef.name: unknown WorkflowTemplate 'not-in-the-library'
            duplicate-template-name.yaml     | 10 | spec.templates[1].name: duplicate template name 'main'
            duplicate-step-name.yaml         | 12 | spec.templates[0].steps[1][0].name: duplicate step name 'hello'
            duplicate-task-name.yaml         | 13 | spec.templates[0].dag.tasks[1].name: duplicate task name 'A'
            dag-cycle.yaml                   | 12 | spec.templates[0].dag.tasks[0].depends: cycle: A -> C -> B -> A
            depends-unparseable.yaml         | 14 | depends: cannot parse depends 'A &&': expected a task name at the end
            depends-unknown-result.yaml      | 14 | depends: cannot parse depends 'A.Finished': unknown result 'Finished'
            depends-unknown-task.yaml        | 14 | spec.templates[0].dag.tasks[1].depends: unknown task 'B'
            dependencies-unknown-task.yaml   | 14 | spec.templates[0].dag.tasks[1].dependencies[1]: unknown task 'B'
            depends-and-dependencies.yaml    | 9  | spec.templates[0].dag: cannot use both 'depends' and 'dependencies' in one DAG
            step-ref-same-group.yaml         | 18 | step 'produce' runs in the same group; a step can only use steps of earlier groups
            step-ref-later-group.yaml        | 15 | step 'produce' runs in a later group
            step-ref-unknown-step.yaml       | 15 | spec.templates[0].steps[1][0].when: unknown step 'prodcue', did you mean 'produce'?
            task-ref-not-dependency.yaml     | 19 | missing dependency 'A' for parameter 'message'
            task-ref-unknown-task.yaml       | 16 | spec.templates[0].dag.tasks[1].when: unknown task 'Z'
            unknown-input-parameter.yaml     | 19 | spec.templates[0].container.args[0]: unknown input parameter 'mesage', did you mean 'message'?
            unknown-input-artifact.yaml      | 16 | spec.templates[0].container.command[1]: unknown input artifact 'input'
            template-no-kind.yaml            | 8  | spec.templates[0]: template has no kind: expected one of container, script, resource, suspend, steps, dag
            template-several-kinds.yaml      | 8  | spec.templates[0]: template has several kinds: container, script
            enum-argument.yaml               | 15 | 'staging' is not an allowed value of input parameter 'environment': expected one of dev, prod
            workflow-parameter-no-value.yaml | 9  | spec.arguments.parameters[0]: workflow parameter 'message' has no value
            missing-input-argument.yaml      | 10 | missing argument for input parameter 'message' of template 'echo'
            invalid-template-name.yaml       | 8  | spec.templates[0].name: invalid name 'main_template'
            invalid-step-name.yaml           | 10 | spec.templates[0].steps[0][0].name: invalid name 'say hello'
            template-name-too-long.yaml      | 8  | is longer than 128 characters
            malformed.yaml                   | 11 | invalid YAML: while parsing a block mapping
            malformed.json                   | 9  | invalid JSON: while parsing a flow mapping
            billion-laughs.yaml              | 12 | aliases expand the document to more than 1000000 nodes (limit on alias expansion)
            alias-doubling.yaml              | 23 | aliases expand the document to more than 1000000 nodes (limit on alias expansion)
            many-aliases.yaml                | 59 | the document expands more than 50 aliases to collections (limit on alias expansion)
            unknown-field.yaml               | 14 | spec.templates[0].dag.tasks[1].dependson: unknown field 'dependson', did you mean 'depends'?
            wrong-type.yaml                  | 7  | spec.templates: expected a list, found a mapping
            wrong-type-scalar.yaml           | 14 | spec.templates[0].container.command: expected a list, found 'echo hi'
            missing-kind.yaml                | 1  | missing kind: expected one of Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow
            unknown-kind.yaml                | 2  | kind: unknown kind 'Workflo': expected one of Workflow, WorkflowTemplate
            dag-target-unknown.yaml          | 10 | spec.templates[0].dag.target: unknown task 'D'
            unknown-onexit.yaml              | 7  | spec.onExit: unknown template 'cleanup'
            cron-unknown-template.yaml       | 13 | spec.workflowSpec.templates[0].steps[0][0].template: unknown template 'nightly-job'
            many-problems.yaml               | 17 | spec.templates[1].containr: unknown field 'containr', did you mean 'container'?
            """)
    void reportsTheMistake(String name, int line, String fragment) {
        String file = CORPUS.resolve(name).toString();

        LintOutput output = LintOutput.run(file);

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout().lines())
                .anySatisfy(printed -> assertThat(printed).startsWith(file + ":" + line + ":").contains(fragment));
        assertThat(output.stderr()).contains("baton lint: ").contains("problem");
        assertThat(output.hasStackTrace()).as(output.stdout() + output.stderr()).isFalse();
        assertThat(output.elapsed()).isLessThan(java.time.Duration.ofSeconds(2));
    }

    @Test
    void reportsEveryProblemOfAFileSortedByLine() {
        String file = CORPUS.resolve("many-problems.yaml").toString();

        LintOutput output = LintOutput.run(file);

        assertThat(output.stdout().lines()).containsExactly(
                file + ":12:9: spec.templates[0].dag.tasks[0].template: unknown template 'ech', did you mean 'echo'?",
                file + ":14:9: spec.templates[0].dag.tasks[1].depends: unknown task 'Q'",
                file + ":16:5: spec.templates[1]: template has no kind: expected one of container, script, resource,"
                        + " suspend, steps, dag, http, containerSet, data, plugin",
                file + ":17:5: spec.templates[1].containr: unknown field 'containr', did you mean 'container'?");
        assertThat(output.stderr()).contains("4 problems in 1 of 1 file");
    }

    @Test
    void aMissingFileIsAnInvalidInput() {
        LintOutput output = LintOutput.run("no/such/file.yaml");

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout()).contains("no/such/file.yaml: cannot read file: no such file");
        assertThat(output.hasStackTrace()).isFalse();
    }

    @Test
    void aSixtyMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(60L * 1024 * 1024);
        }

        LintOutput output = LintOutput.run(big.toString());

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout()).contains(big + ": file is 62914560 bytes, larger than the 16 MiB limit on document size");
        assertThat(output.hasStackTrace()).isFalse();
    }

    @Test
    void tenThousandLevelsOfNestingAreRefused(@TempDir Path dir) throws IOException {
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "kind: Workflow\nspec: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        LintOutput output = LintOutput.run(deep.toString());

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout()).startsWith(deep + ":2:")
                .contains("the document nests deeper than 100 levels (limit on nesting depth)");
        assertThat(output.hasStackTrace()).isFalse();
    }

    @Test
    void aThousandLevelsOfBlockNestingAreRefused(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("kind: Workflow\nspec:\n");
        for (int i = 1; i <= 1_000; i++) {
            text.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        Path deep = dir.resolve("deep-block.yaml");
        Files.writeString(deep, text);

        LintOutput output = LintOutput.run(deep.toString());

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout()).contains("the document nests deeper than 100 levels (limit on nesting depth)");
        assertThat(output.hasStackTrace()).isFalse();
    }

    @Test
    void randomBytesAreNotAText(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        Path binary = dir.resolve("random.yaml");
        Files.write(binary, bytes);

        LintOutput output = LintOutput.run(binary.toString());

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout()).contains(binary + ": not a YAML or JSON text");
        assertThat(output.hasStackTrace()).isFalse();
    }

    @Test
    void asciiControlBytesAreNotAText(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("nul.yaml");
        Files.write(binary, new byte[] {'k', 'i', 'n', 'd', ':', ' ', 0, 1, 2, '\n'});

        LintOutput output = LintOutput.run(binary.toString());

        assertThat(output.stdout()).contains(binary + ": not a YAML or JSON text");
        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
    }

    @Test
    void aCleanFileExitsZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: ok-}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: busybox, command: [echo, hi]}
                """);

        LintOutput output = LintOutput.run(file.toString());

        assertThat(output.exitCode()).isZero();
        assertThat(output.stdout()).isEmpty();
        assertThat(output.stderr()).contains("1 file checked, no problems");
    }
}
