package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit handlers and their effect on the workflow phase; retries and their naming. */
class ExitHandlerAndRetryTest {
    private static String withExit(String entryCommand) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  onExit: bye
                  templates:
                  - name: main
                    container: {image: busybox, command: [%s]}
                  - name: bye
                    container: {image: busybox, command: [echo, "{{workflow.status}}"]}
                """.formatted(entryCommand);
    }

    @Test
    void theExitHandlerRunsAfterTheEntrypointAndSeesTheFinalStatus() {
        RunScenario s = RunScenario.of(withExit("'false'")).start().fail("wf", 1);
        assertThat(s.running()).containsExactly("wf.onExit");
        assertThat(s.launchOf("wf.onExit").step().template().kind().toString()).contains("Failed");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void aFailingExitHandlerFailsASucceededWorkflow() {
        RunScenario s = RunScenario.of(withExit("'true'")).start().succeed("wf").fail("wf.onExit", 2);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void anErroredExitHandlerErrorsASucceededWorkflow() {
        RunScenario s = RunScenario.of(withExit("'true'")).start().succeed("wf")
                .report("wf.onExit", RunEvent.StepReport.failed("broken"));
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Error);
    }

    @Test
    void stepExitHooksRunAfterTheStepAndHoldTheGroup() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo, hooks: {exit: {template: echo}}}
                    - - {name: b, template: echo}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start().succeed("wf[0].a");
        assertThat(s.running()).containsExactly("wf[0].a.onExit");
        assertThat(s.node("a.onExit").boundaryId()).isEqualTo("wf");
        s.succeed("wf[0].a.onExit");
        assertThat(s.running()).containsExactly("wf[1].b");
    }

    @Test
    void retriesCreateNumberedAttemptsUnderARetryNode() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    retryStrategy: {limit: 2}
                    container: {image: busybox, command: [echo, "{{retries}}"]}
                """).start();
        assertThat(s.node("wf").type()).isEqualTo(NodeType.Retry);
        assertThat(s.running()).containsExactly("wf(0)");
        s.fail("wf(0)", 1);
        assertThat(s.running()).containsExactly("wf(1)");
        assertThat(s.launchOf("wf(1)").step().template().kind().toString()).contains("[echo, 1]");
        s.fail("wf(1)", 1).fail("wf(2)", 1);
        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Failed);
        assertThat(s.node("wf").message()).isEqualTo("No more retries left");
        assertThat(s.node("wf").children()).hasSize(3);
    }

    @Test
    void aRetrySucceedsWithTheOutputsOfTheSuccessfulAttempt() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    retryStrategy: {limit: "3", retryPolicy: Always, backoff: {duration: "5s", factor: 2}}
                    container: {image: busybox, command: [echo, hi]}
                """).start().report("wf(0)", RunEvent.StepReport.failed("flaky"));
        assertThat(s.running()).isEmpty();
        assertThat(s.effects()).anyMatch(e -> e instanceof Effect.ScheduleTimer);
        s.advance(Duration.ofSeconds(5)).fireTimers();
        assertThat(s.running()).containsExactly("wf(1)");
        s.succeed("wf(1)", "ok\n");
        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.node("wf").result()).isEqualTo("ok");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void onFailurePolicyDoesNotRetryAnError() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    retryStrategy: {limit: 3}
                    container: {image: busybox, command: [echo, hi]}
                """).start().report("wf(0)", RunEvent.StepReport.failed("cannot start"));
        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Error);
        assertThat(s.node("wf").children()).hasSize(1);
    }

    @Test
    void suspendWithADurationResumesByItself() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    suspend: {duration: "10s"}
                """).start();
        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Running);
        assertThat(s.node("wf").type()).isEqualTo(NodeType.Suspend);
        s.advance(Duration.ofSeconds(10)).fireTimers();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }
}
