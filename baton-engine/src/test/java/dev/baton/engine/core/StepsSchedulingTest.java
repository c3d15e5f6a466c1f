package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps templates: group order, parallel steps, rollup of failures, continueOn, when, loops. */
class StepsSchedulingTest {
    private static final String TWO_GROUPS = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: a, template: echo}
                - - {name: b, template: echo}
                  - {name: c, template: echo}
              - name: echo
                container: {image: busybox, command: [echo, hi]}
            """;

    @Test
    void runsGroupsInOrderAndStepsOfAGroupTogether() {
        RunScenario s = RunScenario.of(TWO_GROUPS).start();
        assertThat(s.running()).containsExactly("wf[0].a");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Pending);
        s.started("wf[0].a");
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Running);
        assertThat(s.phaseOf("[0]")).isEqualTo(NodePhase.Running);
        s.succeed("wf[0].a");
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.running()).containsExactly("wf[1].b", "wf[1].c");
        s.succeed("wf[1].b").succeed("wf[1].c");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.node("wf").type()).isEqualTo(NodeType.Steps);
        assertThat(s.node("[0]").type()).isEqualTo(NodeType.StepGroup);
        assertThat(s.node("[1]").phase()).isEqualTo(NodePhase.Succeeded);
        assertThat(s.node("a").boundaryId()).isEqualTo("wf");
    }

    @Test
    void aFailedStepFailsItsGroupAndStopsLaterGroups() {
        RunScenario s = RunScenario.of(TWO_GROUPS).start().fail("wf[0].a", 3);
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Failed);
        assertThat(s.node("a").message()).isEqualTo("Error (exit code 3)");
        assertThat(s.node("a").exitCode()).isEqualTo("3");
        assertThat(s.phaseOf("[0]")).isEqualTo(NodePhase.Failed);
        assertThat(s.node("[0]").message()).isEqualTo("child '" + s.node("a").id() + "' failed");
        assertThat(s.has("[1]")).isFalse();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo(s.node("[0]").message());
    }

    @Test
    void aStepGroupWaitsForEveryChildEvenAfterAFailure() {
        RunScenario s = RunScenario.of(TWO_GROUPS).start().succeed("wf[0].a").fail("wf[1].b", 1);
        assertThat(s.phaseOf("[1]")).isEqualTo(NodePhase.Running);
        s.succeed("wf[1].c");
        assertThat(s.phaseOf("[1]")).isEqualTo(NodePhase.Failed);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void continueOnFailedLetsTheNextGroupRun() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo, continueOn: {failed: true}}
                    - - name: b
                        template: echo
                        when: "{{steps.a.status}} == Failed"
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start().fail("wf[0].a", 1);
        assertThat(s.phaseOf("[0]")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.running()).containsExactly("wf[1].b");
        s.succeed("wf[1].b");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void continueOnFailedDoesNotCoverAnError() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo, continueOn: {failed: true}}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start().report("wf[0].a", RunEvent.StepReport.failed("cannot start"));
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Error);
        assertThat(s.node("a").message()).isEqualTo("cannot start");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void falseWhenSkipsTheStepWithArgosMessage() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: flip, template: echo}
                    - - {name: heads, template: echo, when: "{{steps.flip.outputs.result}} == heads"}
                      - {name: tails, template: echo, when: "{{steps.flip.outputs.result}} == tails"}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start().succeed("wf[0].flip", "tails\n");
        assertThat(s.node("flip").result()).isEqualTo("tails");
        assertThat(s.phaseOf("heads")).isEqualTo(NodePhase.Skipped);
        assertThat(s.node("heads").type()).isEqualTo(NodeType.Skipped);
        assertThat(s.node("heads").message()).isEqualTo("when 'tails == heads' evaluated false");
        assertThat(s.running()).containsExactly("wf[1].tails");
    }

    @Test
    void aBadWhenExpressionErrorsTheStep() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo, when: "it was heads == heads"}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Error);
        assertThat(s.node("a").message()).startsWith("Invalid 'when' expression 'it was heads == heads'");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void loopChildrenAreNamedByIndexAndItemAndAggregated() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: gen
                        template: echo
                        arguments: {parameters: [{name: m, value: "{{item}}"}]}
                        withItems: [1, "two", {a: 1, b: x}]
                    - - name: show
                        template: echo
                        arguments: {parameters: [{name: m, value: "{{steps.gen.outputs.result}}"}]}
                  - name: echo
                    inputs: {parameters: [{name: m}]}
                    container: {image: busybox, command: [echo, "{{inputs.parameters.m}}"]}
                """).start();
        assertThat(s.running()).containsExactly("wf[0].gen(0:1)", "wf[0].gen(1:two)", "wf[0].gen(2:a:1,b:x)");
        assertThat(s.node("gen(2:a:1,b:x)").inputParameters()).containsEntry("m", "{\"a\":1,\"b\":\"x\"}");
        s.succeed("wf[0].gen(0:1)", "1\n").succeed("wf[0].gen(1:two)", "\"two\"\n")
                .succeed("wf[0].gen(2:a:1,b:x)", "{\"k\":2}\n");
        assertThat(s.node("show").inputParameters()).containsEntry("m", "[1,\"two\",{\"k\":2}]");
    }

    @Test
    void anEmptyLoopIsSkipped() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: none, template: echo, withParam: "[]"}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        assertThat(s.phaseOf("none")).isEqualTo(NodePhase.Skipped);
        assertThat(s.node("none").message()).isEqualTo("Skipped, empty params");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aWithParamThatIsNotAListErrors() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: bad, template: echo, withParam: "not json"}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        assertThat(s.phaseOf("bad")).isEqualTo(NodePhase.Error);
        assertThat(s.node("bad").message()).isEqualTo("withParam value could not be parsed as a JSON list: not json");
    }

    @Test
    void templateParallelismWithFailFastStopsStartingItems() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    parallelism: 1
                    failFast: true
                    steps:
                    - - {name: u, template: echo, withSequence: {count: "4"}}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        assertThat(s.running()).containsExactly("wf[0].u(0:0)");
        s.succeed("wf[0].u(0:0)");
        assertThat(s.running()).containsExactly("wf[0].u(1:1)");
        s.fail("wf[0].u(1:1)", 1);
        assertThat(s.running()).isEmpty();
        assertThat(s.has("u(2:2)")).isFalse();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void workflowParallelismLimitsRunningPods() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  parallelism: 2
                  templates:
                  - name: main
                    steps:
                    - - {name: u, template: echo, withItems: [a, b, c]}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        assertThat(s.running()).containsExactly("wf[0].u(0:a)", "wf[0].u(1:b)");
        s.succeed("wf[0].u(1:b)");
        assertThat(s.running()).containsExactly("wf[0].u(0:a)", "wf[0].u(2:c)");
        s.succeed("wf[0].u(0:a)").succeed("wf[0].u(2:c)");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void outputParameterFromPathTrimsOneNewlineAndUsesDefaultWhenMissing() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: busybox, command: [echo, hi]}
                    outputs:
                      parameters:
                      - {name: p, valueFrom: {path: /tmp/p}}
                      - {name: q, valueFrom: {path: /tmp/q, default: fallback}}
                """;
        RunScenario s = RunScenario.of(yaml).start().exit("wf", 0, "x\n\n", Map.of("p", "v\n\n"));
        assertThat(s.node("wf").outputParameters()).containsEntry("p", "v\n").containsEntry("q", "fallback");
        assertThat(s.node("wf").result()).isEqualTo("x\n");
        RunScenario missing = RunScenario.of(yaml).start().exit("wf", 0, "", Map.of());
        assertThat(missing.phaseOf("wf")).isEqualTo(NodePhase.Error);
        assertThat(missing.node("wf").message()).contains("/tmp/p").contains("no such file");
    }

    @Test
    void aMissingInputParameterErrorsTheNode() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo}
                  - name: echo
                    inputs: {parameters: [{name: m}]}
                    container: {image: busybox, command: [echo, "{{inputs.parameters.m}}"]}
                """).start();
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Error);
        assertThat(s.node("a").message()).isEqualTo("inputs.parameters.m was not supplied");
    }

    @Test
    void cancellingKillsRunningStepsAndFailsTheRun() {
        RunScenario s = RunScenario.of(TWO_GROUPS).start().cancel("Stopped by user");
        assertThat(s.effects()).anyMatch(e -> e instanceof Effect.CancelStep c && c.reason().equals("Stopped by user"));
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Failed);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo("Stopped by user");
    }
}
