package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Argo's retry of a finished Failed or Error run: Succeeded work is kept, failed work runs again. */
class WorkflowRetryTest {
    private static final String CHAIN = """
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
                  - {name: A, template: produce}
                  - {name: B, template: consume, depends: A,
                     arguments: {parameters: [{name: in, value: "{{tasks.A.outputs.parameters.out}}"}]}}
                  - {name: C, template: consume, depends: B,
                     arguments: {parameters: [{name: in, value: "{{tasks.B.outputs.result}}"}]}}
              - name: produce
                outputs: {parameters: [{name: out, valueFrom: {path: /tmp/out}}]}
                container: {image: busybox, command: [sh, -c, "echo made > /tmp/out"]}
              - name: consume
                inputs: {parameters: [{name: in}]}
                container: {image: busybox, command: [echo, "{{inputs.parameters.in}}"]}
              - name: bye
                container: {image: busybox, command: [echo, "{{workflow.status}}"]}
            """;

    @Test
    void aRetriedDagKeepsTheSucceededTaskAndItsOutputsAndRunsTheFailedOneAgain() {
        RunScenario s = RunScenario.of(CHAIN).start()
                .exit("wf.A", 0, "", Map.of("out", "made"))
                .fail("wf.B", 1)
                .succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        Instant firstStart = s.state().startedAt();
        Instant aFinished = s.node("A").finishedAt();

        s.advance(Duration.ofMinutes(1)).retry();

        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        assertThat(s.state().finishedAt()).isNull();
        assertThat(s.state().startedAt()).isEqualTo(firstStart);
        assertThat(s.running()).as("A is not run again; B runs again").containsExactly("wf.B");
        assertThat(s.launchOf("wf.B").step().template().kind().toString()).contains("[echo, made]");
        assertThat(s.launchOf("wf.B").attempt()).as("numbered after the failed attempt").isEqualTo(1);
        assertThat(s.phaseOf("A")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.node("A").outputParameters()).containsEntry("out", "made");
        assertThat(s.node("A").finishedAt()).as("A keeps its times").isEqualTo(aFinished);
        assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Pending);
        assertThat(s.has("C")).isFalse();

        s.succeed("wf.B", "bee\n");
        assertThat(s.launchOf("wf.C").step().template().kind().toString()).contains("[echo, bee]");
        s.succeed("wf.C");
        assertThat(s.running()).as("the exit handler runs again").containsExactly("wf.onExit");
        assertThat(s.launchOf("wf.onExit").step().template().kind().toString()).contains("Succeeded");
        s.succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.launchOrder()).containsExactly("wf.A", "wf.B", "wf.onExit", "wf.B", "wf.C", "wf.onExit");
    }

    @Test
    void aRetriedStepsTemplateRunsTheFailedGroupAgainAndNotTheGroupsBeforeIt() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: first, template: work}
                    - - {name: left, template: work}
                      - {name: right, template: work}
                    - - {name: last, template: work}
                  - name: work
                    container: {image: busybox, command: [echo, hi]}
                """).start()
                .succeed("wf[0].first")
                .succeed("wf[1].left")
                .fail("wf[1].right", 2);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        assertThat(s.phaseOf("[1]")).isEqualTo(NodePhase.Failed);

        s.retry();

        assertThat(s.running()).containsExactly("wf[1].right");
        assertThat(s.phaseOf("first")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.phaseOf("left")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.phaseOf("[1]")).isEqualTo(NodePhase.Running);
        s.succeed("wf[1].right").succeed("wf[2].last");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.launchOrder()).containsExactly("wf[0].first", "wf[1].left", "wf[1].right", "wf[1].right",
                "wf[2].last");
    }

    @Test
    void aNodeThatUsedUpItsRetriesGetsAFreshBudget() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: flaky, template: flaky}
                  - name: flaky
                    retryStrategy: {limit: 1}
                    container: {image: busybox, command: [echo, "{{retries}}"]}
                """).start()
                .fail("wf[0].flaky(0)", 1)
                .fail("wf[0].flaky(1)", 1);
        assertThat(s.phaseOf("flaky")).isEqualTo(NodePhase.Failed);
        assertThat(s.node("flaky").message()).isEqualTo("No more retries left");

        s.retry();

        assertThat(s.running()).containsExactly("wf[0].flaky(0)");
        assertThat(s.node("flaky").children()).hasSize(1);
        assertThat(s.has("flaky(1)")).isFalse();
        s.fail("wf[0].flaky(0)", 1);
        assertThat(s.running()).as("the retry budget starts again").containsExactly("wf[0].flaky(1)");
        assertThat(s.launchOf("wf[0].flaky(1)").step().template().kind().toString()).contains("[echo, 1]");
        s.succeed("wf[0].flaky(1)");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aSucceededRetryNodeKeepsItsFailedAttemptsAndIsNotRunAgain() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: flaky, template: flaky}
                    - - {name: after, template: work}
                  - name: flaky
                    retryStrategy: {limit: 2}
                    container: {image: busybox, command: [echo, hi]}
                  - name: work
                    container: {image: busybox, command: [echo, hi]}
                """).start()
                .fail("wf[0].flaky(0)", 1)
                .succeed("wf[0].flaky(1)", "second try\n")
                .fail("wf[1].after", 1);

        s.retry();

        assertThat(s.running()).containsExactly("wf[1].after");
        assertThat(s.phaseOf("flaky(0)")).isEqualTo(NodePhase.Failed);
        assertThat(s.phaseOf("flaky(1)")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.node("flaky").result()).isEqualTo("second try");
        s.succeed("wf[1].after");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aSucceededRunIsNotRetried() {
        RunScenario s = RunScenario.of(CHAIN).start()
                .exit("wf.A", 0, "", Map.of("out", "made"))
                .succeed("wf.B").succeed("wf.C").succeed("wf.onExit");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        int effects = s.effects().size();

        s.retry();

        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.effects()).hasSize(effects);
        assertThat(s.running()).isEmpty();
    }

    @Test
    void aRunningRunIsNotRetried() {
        RunScenario s = RunScenario.of(CHAIN).start().exit("wf.A", 0, "", Map.of("out", "made"));

        s.retry();

        assertThat(s.phase()).isEqualTo(WorkflowPhase.Running);
        assertThat(s.running()).containsExactly("wf.B");
        assertThat(s.launchOrder()).containsExactly("wf.A", "wf.B");
    }

    @Test
    void keptNodesAskForNoLockAndDoNotWaitForAResumeAgain() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: approve, template: approval}
                    - - {name: locked, template: locked}
                    - - {name: last, template: work}
                  - name: approval
                    suspend: {}
                  - name: locked
                    synchronization: {mutex: {name: only-one}}
                    container: {image: busybox, command: [echo, hi]}
                  - name: work
                    container: {image: busybox, command: [echo, hi]}
                """).start();
        s.resume().grantLocks().succeed("wf[1].locked").fail("wf[2].last", 1);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
        int effectsBefore = s.effects().size();

        s.retry();

        assertThat(s.running()).containsExactly("wf[2].last");
        assertThat(s.effects().subList(effectsBefore, s.effects().size()))
                .as("only the failed step is launched; the kept step takes no lock").hasSize(1)
                .allMatch(e -> e instanceof Effect.LaunchStep);
        assertThat(s.phaseOf("approve")).isEqualTo(NodePhase.Succeeded);
        assertThat(s.state().heldLocks().getOrDefault("only-one", java.util.Set.of())).isEmpty();
        s.succeed("wf[2].last");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }
}
