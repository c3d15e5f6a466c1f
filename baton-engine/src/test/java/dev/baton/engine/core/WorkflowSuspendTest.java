package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Argo's workflow-level suspend and resume: a suspended run starts no new step, running steps go on. */
class WorkflowSuspendTest {
    private static final String A_THEN_B = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              onExit: bye
              templates:
              - name: main
                dag:
                  tasks:
                  - {name: A, template: work}
                  - {name: B, template: work, depends: A}
              - name: work
                container: {image: busybox, command: [echo, hi]}
              - name: bye
                container: {image: busybox, command: [echo, bye]}
            """;

    @Test
    void aStepThatBecomesReadyWhileSuspendedStartsOnlyAtResume() {
        RunScenario s = RunScenario.of(A_THEN_B).start();
        assertThat(s.running()).containsExactly("wf.A");

        s.suspend();
        assertThat(s.state().suspended()).isTrue();
        s.succeed("wf.A");

        assertThat(s.phaseOf("A")).as("the running step finished while suspended").isEqualTo(NodePhase.Succeeded);
        assertThat(s.running()).as("B does not start while the run is suspended").isEmpty();
        assertThat(s.phase()).as("Argo keeps a suspended workflow Running").isEqualTo(WorkflowPhase.Running);
        assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Pending);

        s.resume();

        assertThat(s.state().suspended()).isFalse();
        assertThat(s.running()).containsExactly("wf.B");
        s.succeed("wf.B");
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.launchOrder()).containsExactly("wf.A", "wf.B", "wf.onExit");
    }

    @Test
    void specSuspendAtSubmissionStartsTheRunSuspended() {
        RunScenario s = RunScenario.of(A_THEN_B.replace("  onExit: bye", "  onExit: bye\n  suspend: true")).start();

        assertThat(s.state().suspended()).isTrue();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        assertThat(s.running()).isEmpty();

        s.resume();
        assertThat(s.running()).containsExactly("wf.A");
    }

    @Test
    void aRetryWhoseBackoffEndsWhileSuspendedWaitsForResume() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: flaky
                  templates:
                  - name: flaky
                    retryStrategy: {limit: "2", retryPolicy: Always, backoff: {duration: "5s"}}
                    container: {image: busybox, command: [sh, -c, "exit 1"]}
                """).start();
        s.fail("wf(0)", 1);
        s.suspend();

        s.advance(Duration.ofSeconds(10)).fireTimers();
        assertThat(s.running()).as("the backoff ended but the run is suspended").isEmpty();

        s.resume();
        assertThat(s.running()).containsExactly("wf(1)");
        s.succeed("wf(1)");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aSuspendTemplateWithADurationEndsOnTimeButTheNextStepWaits() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: pause, template: pause}
                    - - {name: after, template: work}
                  - name: pause
                    suspend: {duration: "30s"}
                  - name: work
                    container: {image: busybox, command: [echo, done]}
                """).start();
        s.suspend();

        s.advance(Duration.ofSeconds(31)).fireTimers();
        assertThat(s.phaseOf("pause")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.running()).isEmpty();

        s.resume();
        assertThat(s.running()).containsExactly("wf[1].after");
    }

    @Test
    void stopWhileSuspendedFailsTheHeldStepAndStillRunsTheExitHandler() {
        RunScenario s = RunScenario.of(A_THEN_B).start().suspend();
        s.succeed("wf.A");

        s.stop("Stopped with strategy 'Stop'");

        assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Failed);
        assertThat(s.running()).containsExactly("wf.onExit");
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void terminateWhileSuspendedEndsTheRunFailed() {
        RunScenario s = RunScenario.of(A_THEN_B).start().suspend();
        s.succeed("wf.A");

        s.cancel("Stopped with strategy 'Terminate'");

        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Failed);
        s.resume();
        assertThat(s.running()).isEmpty();
    }
}
