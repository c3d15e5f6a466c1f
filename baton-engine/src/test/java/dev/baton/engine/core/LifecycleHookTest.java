package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Named lifecycle hooks fire once when their expression holds; bad expressions error the node. */
class LifecycleHookTest {

    @Test
    void aWorkflowHookFiresWhenItsExpressionHoldsAndTheRunWaitsForIt() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  hooks:
                    running: {expression: workflow.status == "Running", template: echo}
                  templates:
                  - name: main
                    container: {image: busybox, command: [echo, main]}
                  - name: echo
                    container: {image: busybox, command: [echo, hook]}
                """).start();
        assertThat(s.running()).containsExactlyInAnyOrder("wf", "wf.hooks.running");
        s.succeed("wf");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        s.succeed("wf.hooks.running");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.launchOrder()).containsOnlyOnce("wf.hooks.running");
    }

    @Test
    void aStepHookSeesItsStepsStatus() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: a
                        template: echo
                        hooks:
                          done: {expression: "steps['a'].status == 'Succeeded'", template: echo}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        assertThat(s.running()).containsExactly("wf[0].a");
        s.succeed("wf[0].a");
        assertThat(s.running()).containsExactly("wf[0].a.hooks.done");
        assertThat(s.node("a.hooks.done").boundaryId()).isEqualTo("wf");
        s.succeed("wf[0].a.hooks.done");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aBadExpressionInAnArgumentErrorsTheNodeQuotingTheExpression() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: a
                        template: echo
                        arguments: {parameters: [{name: m, value: "{{= 1 + }}"}]}
                  - name: echo
                    inputs: {parameters: [{name: m}]}
                    container: {image: busybox, command: [echo, "{{inputs.parameters.m}}"]}
                """).start();
        assertThat(s.phaseOf("a")).isEqualTo(NodePhase.Error);
        assertThat(s.node("a").message()).isEqualTo("failed to evaluate expression ' 1 + ': unexpected end of input");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }
}
