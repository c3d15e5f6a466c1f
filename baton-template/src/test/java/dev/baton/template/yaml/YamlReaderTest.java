package dev.baton.template.yaml;

import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.template.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class YamlReaderTest {
    private static List<String> formatted(List<Problem> problems) {
        return problems.stream().map(Problem::format).toList();
    }

    @Test
    void readsEveryDocumentOfAFile() {
        ManifestReadResult read = new ManifestReader().read("lib.yaml", """
                kind: WorkflowTemplate
                metadata: {name: a}
                ---
                ---
                kind: Workflow
                metadata: {name: b}
                """);

        assertThat(read.problems()).isEmpty();
        assertThat(read.documents()).extracting(d -> (Object) d.manifest().getClass())
                .containsExactly(WorkflowTemplate.class, Workflow.class);
    }

    @Test
    void readsJson() {
        ManifestReadResult read = new ManifestReader().read("wf.json",
                "{\"kind\": \"Workflow\", \"spec\": {\"entrypoint\": \"main\", \"parallelism\": 2}}");

        Workflow workflow = (Workflow) read.documents().getFirst().manifest();
        assertThat(workflow.spec().entrypoint()).isEqualTo("main");
        assertThat(workflow.spec().parallelism().numeric()).isTrue();
    }

    @Test
    void problemsCarryTheLineAndColumnOfTheirPath() {
        ManifestReadResult read = new ManifestReader().read("wf.yaml", """
                kind: Workflow
                spec:
                  entrypiont: main
                """);

        assertThat(formatted(read.problems()))
                .containsExactly("wf.yaml:3:3: spec.entrypiont: unknown field 'entrypiont', did you mean 'entrypoint'?");
    }

    @Test
    void mergeKeysAndAnchorsAreExpanded() {
        YamlReadResult read = new YamlReader().read("m.yaml", """
                base: &base {a: 1, b: 2}
                copy:
                  <<: *base
                  b: 3
                """);

        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) ((Map<String, Object>) read.documents().getFirst().tree())
                .get("copy");
        assertThat(RecordTrees.toTree(copy)).isEqualTo(Map.of("a", 1L, "b", 3L));
    }

    @Test
    void duplicateKeysAreReported() {
        YamlReadResult read = new YamlReader().read("d.yaml", "a: 1\nb: 2\na: 3\n");

        assertThat(formatted(read.problems())).containsExactly("d.yaml:3:1: a: duplicate key 'a'");
    }

    @Test
    void limitsNameThemselvesAndTheLine() {
        ReadLimits small = new ReadLimits(1000, 3, 1, 20);

        assertThat(formatted(new YamlReader(small).read("deep.yaml", "a: {b: {c: {d: 1}}}").problems()))
                .containsExactly("deep.yaml:1:12: the document nests deeper than 3 levels (limit on nesting depth)");
        assertThat(formatted(new YamlReader(small).read("alias.yaml", "a: &a [1]\nb: [*a, *a]").problems()))
                .containsExactly("alias.yaml:2:9: the document expands more than 1 aliases to collections"
                        + " (limit on alias expansion)");
        assertThat(formatted(new YamlReader(small).read("big.yaml", "x".repeat(1001)).problems()))
                .containsExactly("big.yaml: document is larger than the 1000 bytes limit on document size");
        assertThat(formatted(new YamlReader(small).read("many.yaml", "[" + "1,".repeat(30) + "1]").problems()))
                .containsExactly("many.yaml:1:40: the document has more than 20 nodes (limit on document size)");
    }

    @Test
    void controlCharactersAreNotText() {
        assertThat(formatted(new YamlReader().read("bin.yaml", "a: \u0000\u0001").problems()))
                .containsExactly("bin.yaml: not a YAML or JSON text: it contains control characters (binary data?)");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        List<String> problems = formatted(new YamlReader().read("bad.yaml", "a:\n  b: 1\n c: 2\n").problems());

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst()).startsWith("bad.yaml:3:2: invalid YAML: ");
    }

    @Test
    void unknownAndMissingKindsAreReported() {
        assertThat(formatted(new ManifestReader().read("k.yaml", "kind: Pod\n").problems())).containsExactly(
                "k.yaml:1:1: kind: unknown kind 'Pod': expected one of Workflow, WorkflowTemplate,"
                        + " ClusterWorkflowTemplate, CronWorkflow");
        assertThat(formatted(new ManifestReader().read("k.yaml", "spec: {}\n").problems())).containsExactly(
                "k.yaml:1:1: missing kind: expected one of Workflow, WorkflowTemplate, ClusterWorkflowTemplate,"
                        + " CronWorkflow");
    }
}
