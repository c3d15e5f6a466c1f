package dev.baton.cli.conformance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance files of expressions, exit handlers, artifacts, retries, timeouts, templates,
 * memoization and synchronization, each checked as MANIFEST.tsv says.
 */
class SemanticsConformanceIT extends ConformanceSupport {
    private static final String TEMPLATES = "workflow-template/templates.yaml";

    @Test
    void conditionalParameters() throws Exception {
        RunResult r = run("conditional-parameters.yaml", "Succeeded");
        assertStepResultExported(r);
    }

    @Test
    void dagConditionalParameters() throws Exception {
        RunResult r = run("dag-conditional-parameters.yaml", "Succeeded");
        assertStepResultExported(r);
    }

    private static void assertStepResultExported(RunResult r) {
        String flip = r.node("flip-coin").stdout();
        assertThat(flip).isIn("heads", "tails");
        assertThat(r.root().outputParameter("stepresult")).isEqualTo(flip);
        assertThat(List.of(r.node("heads").phase(), r.node("tails").phase())).containsOnlyOnce("Skipped");
    }

    @Test
    void conditionalArtifacts() throws Exception {
        RunResult r = run("conditional-artifacts.yaml", "Succeeded");
        String flip = r.node("flip-coin").stdout();
        assertThat(artifactText(r.root().outputArtifactDigest("result"))).isEqualTo("it was " + flip);
    }

    @Test
    void expressionDestructureJson() throws Exception {
        RunResult r = run("expression-destructure-json.yaml", "Succeeded");
        assertThat(r.root().stdout()).isEqualTo("123");
    }

    @Test
    void expressionReusingVerboseSnippets() throws Exception {
        RunResult r = run("expression-reusing-verbose-snippets.yaml", "Succeeded");
        assertThat(r.root().stdout())
                .isEqualTo("The week's average temperature was 35.8 with a minimum of 15 and a maximum of 57.");
    }

    @Test
    void expressionTagTemplateWorkflow() throws Exception {
        RunResult r = run("expression-tag-template-workflow.yaml", "Succeeded");
        List<RunResult.Node> children = r.nodes(n -> n.displayName().startsWith("task-0("));
        assertThat(children).extracting(RunResult.Node::displayName).containsExactly("task-0(0:3)");
        assertThat(children.getFirst().outputParameter("output")).matches(Pattern.compile("hello 30 @ \\d{4}.*",
                Pattern.DOTALL));
    }

    @Test
    void conditionals() throws Exception {
        RunResult r = run("conditionals.yaml", "Succeeded");
        for (String name : List.of("print-hello-govaluate", "print-hello-expr", "print-hello-expr-json")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
            assertThat(r.node(name).stdout()).contains("hello");
        }
    }

    @Test
    void exitHandlers() throws Exception {
        RunResult r = run("exit-handlers.yaml", "Failed");
        assertThat(r.root().phase()).isEqualTo("Failed");
        assertThat(r.root().exitCode()).isEqualTo("1");
        assertThat(r.node(r.name() + ".onExit").phase()).isEqualTo("Succeeded");
        assertThat(r.node("notify").stdout()).startsWith("send e-mail: ").contains(" Failed ");
        assertThat(r.node("cry").stdout()).isEqualTo("boohoo!");
        assertThat(r.node("celebrate").phase()).isEqualTo("Skipped");
    }

    @Test
    void exitHandlerStepLevel() throws Exception {
        RunResult r = run("exit-handler-step-level.yaml", "Succeeded");
        for (String step : List.of("hello1", "hello2a", "hello2b")) {
            assertThat(r.node(step).stdout()).isEqualTo(step);
            assertThat(r.node(step + ".onExit").phase()).isEqualTo("Succeeded");
            assertThat(r.node(step + ".onExit").stdout()).isEqualTo("step cleanup");
        }
    }

    @Test
    void exitHandlerDagLevel() throws Exception {
        RunResult r = run("exit-handler-dag-level.yaml", "Succeeded");
        for (String task : List.of("A", "B", "C", "D")) {
            assertThat(r.node(task + ".onExit").phase()).isEqualTo("Succeeded");
            assertThat(r.node(task + ".onExit").stdout()).isEqualTo("task cleanup");
        }
    }

    @Test
    void exitHandlerWithParam() throws Exception {
        RunResult r = run("exit-handler-with-param.yaml", "Succeeded");
        assertThat(r.node("step-1").outputParameter("result")).isEqualTo("hello world");
        assertThat(r.node("step-1.onExit").stdout()).isEqualTo("hello world");
    }

    @Test
    void templateOnExit() throws Exception {
        RunResult r = run("template-on-exit.yaml", "Succeeded");
        for (String step : List.of("stepA", "stepB")) {
            assertThat(r.node(step).stdout()).isEqualTo("hello world");
            assertThat(r.node(step + ".onExit").stdout()).isEqualTo("goodbye world");
        }
    }

    @Test
    void artifactPassing() throws Exception {
        RunResult r = run("artifact-passing.yaml", "Succeeded");
        assertThat(r.node("consume-artifact").stdout()).isEqualTo("hello world");
    }

    @Test
    void inputArtifactRaw() throws Exception {
        RunResult r = run("input-artifact-raw.yaml", "Succeeded");
        assertThat(r.root().stdout()).isEqualTo("this is\nthe raw file\ncontents");
    }

    @Test
    void artifactPathPlaceholders() throws Exception {
        RunResult r = run("artifact-path-placeholders.yaml", "Succeeded");
        assertThat(r.root().outputParameter("actual-lines-count")).isEqualTo("3");
        assertThat(artifactText(r.root().outputArtifactDigest("text"))).isEqualTo("1\n2\n3\n");
    }

    @Test
    void nestedWorkflow() throws Exception {
        RunResult r = run("nested-workflow.yaml", "Succeeded");
        assertThat(r.node("nested-wf").outputParameter("nested-out-parameter")).isEqualTo("my-output-parameter");
        RunResult.Node consume = r.nodes(n -> n.displayName().equals("consume") && n.name().matches(".*\\[2\\]\\.consume"))
                .getFirst();
        assertThat(consume.stdout()).contains("input parameter value: my-output-parameter").contains("hello world");
    }

    @Test
    void globalOutputs() throws Exception {
        RunResult r = run("global-outputs.yaml", "Succeeded");
        assertThat(r.outputParameter("my-global-param")).isEqualTo("hello world");
        List<RunResult.Node> consumers = r.nodes(n -> n.displayName().equals("consume-global-param")
                || n.displayName().equals("consume-global-art"));
        assertThat(consumers).hasSize(4);
        assertThat(consumers).allSatisfy(n -> assertThat(n.stdout()).isEqualTo("hello world"));
        assertThat(consumers.stream().filter(n -> n.name().startsWith(r.name() + ".onExit"))).hasSize(2);
    }

    @Test
    void timeoutsStep() throws Exception {
        RunResult r = run("timeouts-step.yaml", "Failed");
        RunResult.Node root = r.root();
        assertThat(root.phase()).isEqualTo("Failed");
        assertThat(java.time.Duration.between(root.startedAt(), root.finishedAt()).toSeconds()).isBetween(9L, 20L);
        assertThat(root.stdout()).contains("123");
    }

    @Test
    void dagTaskLevelTimeout() throws Exception {
        RunResult r = run("dag-task-level-timeout.yaml", "Failed");
        assertThat(r.node("A").phase()).isEqualTo("Succeeded");
        assertThat(r.node("C").phase()).isEqualTo("Succeeded");
        assertThat(r.node("B").phase()).isEqualTo("Failed");
    }

    @Test
    void retryConditional() throws Exception {
        RunResult r = run("retry-conditional.yaml", "Failed");
        assertThat(r.node("safe-to-retry").stdout()).isEqualTo("true");
        RunResult.Node retry = r.node("retry");
        assertThat(retry.type()).isEqualTo("Retry");
        assertThat(retry.phase()).isEqualTo("Failed");
        List<RunResult.Node> attempts = r.nodes(n -> n.displayName().matches("retry\\(\\d+\\)"));
        assertThat(attempts).isNotEmpty().allSatisfy(a -> assertThat(a.exitCode()).isIn("1", "2"));
        for (int i = 0; i < attempts.size(); i++) {
            RunResult.Node attempt = r.node("retry(" + i + ")");
            assertThat(attempt.exitCode()).isEqualTo(i == attempts.size() - 1 ? "1" : "2");
        }
    }

    @Test
    void dagDisableFailFast() throws Exception {
        RunResult r = run("dag-disable-failFast.yaml", "Failed");
        RunResult.Node c = r.node("C");
        assertThat(c.phase()).isEqualTo("Failed");
        assertThat(r.nodes(n -> n.displayName().matches("C\\(\\d+\\)"))).hasSize(4)
                .allSatisfy(n -> assertThat(n.exitCode()).isEqualTo("2"));
        for (String name : List.of("B", "D", "E")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
        }
    }

    @Test
    void consumerInputDefault() throws Exception {
        RunResult r = run("skipped-output-defaults/consumer-input-default.yaml", "Succeeded");
        assertThat(r.node("producer").phase()).isEqualTo("Skipped");
        assertThat(r.node("consumer").inputParameter("in")).isEqualTo("fallback-from-input");
        assertThat(r.node("consumer").stdout()).isEqualTo("consumer got: [fallback-from-input]");
    }

    @Test
    void expressionFallback() throws Exception {
        RunResult r = run("skipped-output-defaults/expression-fallback.yaml", "Succeeded");
        assertThat(r.node("producer").phase()).isEqualTo("Skipped");
        assertThat(r.root().outputParameter("result")).isEqualTo("expr-fallback");
    }

    @Test
    void producerOutputDefault() throws Exception {
        RunResult r = run("skipped-output-defaults/producer-output-default.yaml", "Succeeded");
        assertThat(r.node("producer").phase()).isEqualTo("Skipped");
        assertThat(r.node("consumer").inputParameter("in")).isEqualTo("hello-from-producer");
        assertThat(r.node("consumer").stdout()).isEqualTo("consumer got: [hello-from-producer]");
    }

    @Test
    void dagInlineWorkflow() throws Exception {
        RunResult r = run("dag-inline-workflow.yaml", "Succeeded");
        assertThat(r.node("a").phase()).isEqualTo("Succeeded");
        assertThat(r.node("a").stdout()).isEqualTo("hello argo");
    }

    @Test
    void containerSetSequence() throws Exception {
        RunResult r = run("container-set-template/sequence-workflow.yaml", "Succeeded");
        for (String name : List.of("a", "b", "c")) {
            assertThat(r.node(name).type()).isEqualTo("Container");
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
            assertThat(r.node(name).stdout()).isEqualTo("hello argo");
        }
        assertThat(r.node("b").startedAt()).isAfterOrEqualTo(r.node("a").finishedAt());
        assertThat(r.node("c").startedAt()).isAfterOrEqualTo(r.node("b").finishedAt());
    }

    @Test
    void containerSetOutputsResult() throws Exception {
        RunResult r = run("container-set-template/outputs-result-workflow.yaml", "Succeeded");
        assertThat(r.node("a").stdout()).isEqualTo("hi");
        assertThat(r.node("b").phase()).isEqualTo("Succeeded");
    }

    @Test
    void workflowTemplateHelloWorld() throws Exception {
        RunResult r = run("workflow-template/hello-world.yaml", "Succeeded", "--templates",
                Conformance.file(TEMPLATES).toString());
        assertThat(r.node("call-print-message").stdout()).isEqualTo("hello world");
    }

    @Test
    void workflowTemplateSteps() throws Exception {
        RunResult r = run("workflow-template/steps.yaml", "Succeeded", "--templates",
                Conformance.file(TEMPLATES).toString());
        assertThat(r.node("hello1").stdout()).isEqualTo("hello1");
        assertThat(r.node("hello2b").stdout()).isEqualTo("hello2b");
        assertThat(r.node("hello2a").type()).isEqualTo("Steps");
        assertThat(r.node("inner-hello1").stdout()).isEqualTo("inner-hello1");
        assertThat(r.node("inner-hello2a").stdout()).isEqualTo("inner-hello2a");
        assertThat(r.node("inner-hello2b").stdout()).isEqualTo("inner-hello2b");
        assertThat(r.node("inner-hello2a").startedAt()).isAfterOrEqualTo(r.node("inner-hello1").finishedAt());
    }

    @Test
    void workflowTemplateRefWithEntrypointArgPassing() throws Exception {
        RunResult r = run("workflow-template/workflow-template-ref-with-entrypoint-arg-passing.yaml", "Succeeded",
                "--templates", Conformance.file(TEMPLATES).toString());
        assertThat(r.root().stdout()).isEqualTo("hello world");
    }

    @Test
    void memoizeSimple() throws Exception {
        RunResult r = run("memoize-simple.yaml", "Succeeded");
        assertThat(r.root().outputParameter("hello")).isEqualTo("world");
        assertThat(r.root().memoizationStatus().path("hit").asBoolean(true)).isFalse();
        assertThat(r.root().memoizationStatus().path("key").asText()).isEqualTo("cache-key");
    }

    @Test
    void synchronizationMutexWorkflowLevel() throws Exception {
        RunResult r = run("synchronization-mutex-wf-level.yaml", "Succeeded");
        assertThat(r.root().stdout()).isEqualTo("hello world");
        var holding = r.workflow().path("status").path("synchronization").path("mutex").path("holding");
        assertThat(holding).hasSize(1);
        assertThat(holding.get(0).path("mutex").asText()).isEqualTo("default/Mutex/test");
        assertThat(holding.get(0).path("holders")).isEmpty();
    }
}
