package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Argo's control operations on a running run: stop (exit handler still runs), terminate, resume. */
class ControlOperationsTest {
    private static final String STOPPED = "Stopped with strategy 'Stop'";
    private static final String TWO_STEPS_WITH_EXIT = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              onExit: bye
              templates:
              - name: main
                steps:
                - - {name: first, template: work}
                - - {name: second, template: work}
              - name: work
                container: {image: busybox, command: [sleep, "60"]}
              - name: bye
                container: {image: busybox, command: [echo, "{{workflow.status}}"]}
            """;

    @Test
    void stopKillsRunningStepsStartsNothingNewButTheExitHandlerAndEndsFailed() {
        RunScenario s = RunScenario.of(TWO_STEPS_WITH_EXIT).start();
        Effect.LaunchStep first = s.launchOf("wf[0].first");

        s.stop(STOPPED);

        assertThat(s.cancelRequested(first.nodeId())).isTrue();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        s.killed(first);
        assertThat(s.has("second")).as("no new step starts after stop").isFalse();
        assertThat(s.running()).containsExactly("wf.onExit");
        assertThat(s.phaseOf("first")).isEqualTo(NodePhase.Failed);
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo(STOPPED);
    }

    @Test
    void terminateRunsNotEvenTheExitHandler() {
        RunScenario s = RunScenario.of(TWO_STEPS_WITH_EXIT).start();
        Effect.LaunchStep first = s.launchOf("wf[0].first");

        s.cancel("Stopped with strategy 'Terminate'");

        assertThat(s.cancelRequested(first.nodeId())).isTrue();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo("Stopped with strategy 'Terminate'");
        assertThat(s.has("wf.onExit")).isFalse();
        assertThat(s.running()).isEmpty();
    }

    @Test
    void stopFailsASuspendedNodeAndStillRunsTheExitHandler() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  onExit: bye
                  templates:
                  - name: main
                    suspend: {}
                  - name: bye
                    container: {image: busybox, command: [echo, bye]}
                """).start();

        s.stop(STOPPED);

        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Failed);
        assertThat(s.running()).containsExactly("wf.onExit");
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo(STOPPED);
    }

    @Test
    void resumeEndsSuspendedNodesWithAndWithoutADuration() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: approve, template: wait}
                      - {name: cool-down, template: wait-long}
                    - - {name: after, template: work}
                  - name: wait
                    suspend: {}
                  - name: wait-long
                    suspend: {duration: "1h"}
                  - name: work
                    container: {image: busybox, command: [echo, done]}
                """).start();
        assertThat(s.phaseOf("approve")).isEqualTo(NodePhase.Running);
        assertThat(s.phaseOf("cool-down")).isEqualTo(NodePhase.Running);

        s.resume();

        assertThat(s.phaseOf("approve")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.phaseOf("cool-down")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.running()).containsExactly("wf[1].after");
        s.succeed("wf[1].after");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        s.fireTimers();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void stopBeforeTheRunStartedEndsItAtOnce() {
        RunScenario s = RunScenario.of(TWO_STEPS_WITH_EXIT).stop(STOPPED);

        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo(STOPPED);
        s.start();
        assertThat(s.running()).isEmpty();
    }

    @Test
    void stepsWaitingForTheWorkflowsParallelismDoNotStartAfterAStop() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  parallelism: 1
                  onExit: bye
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: a, template: work}
                      - {name: b, template: work}
                      - {name: c, template: work}
                  - name: work
                    container: {image: busybox, command: [sleep, "60"]}
                  - name: bye
                    container: {image: busybox, command: [echo, bye]}
                """).start();
        assertThat(s.running()).hasSize(1);
        Effect.LaunchStep first = s.launchOf(s.running().getFirst());

        s.stop(STOPPED).killed(first);

        assertThat(s.launchOrder()).hasSize(2).last().isEqualTo("wf.onExit");
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.state().message()).isEqualTo(STOPPED);
    }
}
