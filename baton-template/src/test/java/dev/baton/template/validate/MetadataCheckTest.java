package dev.baton.template.validate;

import dev.baton.template.LoadResult;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names, namespaces and labels of a document are checked as Kubernetes and Argo check them, each problem at its line. */
class MetadataCheckTest {
    private static final String SPEC = """
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: busybox}
            """;

    /** Every problem of the document, as "line path: message". */
    private static List<String> problems(String yaml) {
        LoadResult loaded = WorkflowFiles.loadTexts(List.of(new WorkflowFiles.Text("w.yaml", yaml)), List.of(),
                Map.of());
        return loaded.problems().stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
    }

    private static String workflow(String metadata) {
        return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n" + metadata.indent(2) + SPEC;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../escape", "a/b", "UPPER_case", "..", ".", "a b", "-x", "x-", "under_score"})
    void aWorkflowNameThatIsNoDnsSubdomainIsRefusedAtItsLine(String name) {
        assertThat(problems(workflow("name: \"" + name + "\"")))
                .singleElement().asString()
                .startsWith("4 metadata.name: invalid name '" + name + "'")
                .contains("lower case alphanumeric characters, '-' or '.'");
    }

    @Test
    void controlCharactersInANameAreRefusedAndShownEscaped() {
        assertThat(problems(workflow("name: \"a\\0b\\nc\"")))
                .containsExactly("4 metadata.name: invalid name 'a\\x00b\\nc': a lowercase RFC 1123 subdomain must"
                        + " consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
                        + " alphanumeric character (e.g. 'example.com')");
    }

    @Test
    void aGoodWorkflowHasNoProblems() {
        assertThat(problems(workflow("""
                name: my-flow.v2
                namespace: team-a
                labels: {app: demo, example.com/team: A_b.c, empty: ""}
                annotations: {workflows.argoproj.io/description: "anything at all: / .. \\n"}
                """))).isEmpty();
        assertThat(problems(workflow("generateName: hello-"))).isEmpty();
    }

    @Test
    void argosLengthLimitsApplyByKind() {
        assertThat(problems(workflow("name: " + "a".repeat(64)))).singleElement().asString()
                .contains("must not be more than 63 characters long (currently 64)");
        String cron = """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: %s
                spec:
                  schedule: "* * * * *"
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                      container: {image: busybox}
                """;
        assertThat(problems(cron.formatted("c".repeat(52)))).isEmpty();
        assertThat(problems(cron.formatted("c".repeat(53)))).singleElement().asString()
                .contains("4 metadata.name").contains("52 characters");
    }

    @Test
    void generateNameNamespaceLabelsAndAnnotationKeysAreChecked() {
        assertThat(problems(workflow("""
                generateName: ../x-
                namespace: "../x"
                labels: {"bad key": v, ok: "not ok", "UP.example.com/x": y}
                annotations: {"a/b/c": x}
                """))).containsExactly(
                "4 metadata.generateName: invalid generateName '../x-': a lowercase RFC 1123 subdomain must consist"
                        + " of lower case alphanumeric characters, '-' or '.', and must start and end with an"
                        + " alphanumeric character (e.g. 'example.com')",
                "5 metadata.namespace: invalid namespace '../x': a namespace must consist of lower case alphanumeric"
                        + " characters or '-', and must start and end with an alphanumeric character (e.g. 'team-a')",
                "6 metadata.labels[\"bad key\"]: invalid key 'bad key': the name part must be 1 to 63 characters of"
                        + " alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"
                        + " (e.g. 'app' or 'example.com/app')",
                "6 metadata.labels.ok: invalid label value 'not ok': a label value must be empty or 1 to 63"
                        + " characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
                "6 metadata.labels[\"UP.example.com/x\"]: invalid key 'UP.example.com/x': invalid prefix"
                        + " 'UP.example.com': a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                        + " characters, '-' or '.', and must start and end with an alphanumeric character"
                        + " (e.g. 'example.com')",
                "7 metadata.annotations[\"a/b/c\"]: invalid key 'a/b/c': invalid prefix 'a/b': a lowercase RFC 1123"
                        + " subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start"
                        + " and end with an alphanumeric character (e.g. 'example.com')");
    }

    @Test
    void workflowMetadataLabelsMayHoldExpressionsButNotBadKeys() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: w}
                spec:
                  entrypoint: main
                  workflowMetadata:
                    labels: {team: "{{workflow.parameters.team}}", "bad/key/x": v}
                  arguments: {parameters: [{name: team, value: a}]}
                  templates:
                  - name: main
                    container: {image: busybox}
                """;

        assertThat(problems(yaml)).singleElement().asString()
                .startsWith("7 spec.workflowMetadata.labels[\"bad/key/x\"]: invalid key 'bad/key/x'");
    }

    @Test
    void templateAndTaskNamesKeepArgosOwnRuleWhichAllowsCapitals() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: w}
                spec:
                  entrypoint: Main
                  templates:
                  - name: Main
                    dag:
                      tasks:
                      - {name: A, template: Echo}
                      - {name: ../b, template: Echo}
                  - name: Echo
                    container: {image: busybox}
                """;

        assertThat(problems(yaml)).singleElement().asString().contains("invalid name '../b'");
    }
}
