package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.run.WorkflowPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** DAG templates: dependency order, every depends operator and result, omission, targets and phase assessment. */
class DagSchedulingTest {

    private static String dag(String tasks) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                """ + tasks.indent(6) + """
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """;
    }

    @Test
    void diamondRunsInDependencyOrder() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: A}
                - {name: C, template: echo, dependencies: [A]}
                - {name: D, template: echo, depends: "B && C"}
                """)).start();
        assertThat(s.running()).containsExactly("wf.A");
        s.succeed("wf.A");
        assertThat(s.running()).containsExactly("wf.B", "wf.C");
        s.succeed("wf.B");
        assertThat(s.running()).containsExactly("wf.C");
        s.succeed("wf.C");
        assertThat(s.running()).containsExactly("wf.D");
        s.succeed("wf.D");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(s.node("wf").type()).isEqualTo(NodeType.DAG);
        assertThat(s.node("wf").children()).containsExactly(s.node("A").id());
        assertThat(s.node("B").children()).containsExactly(s.node("D").id());
    }

    @ParameterizedTest(name = "A {0}: \"{1}\" runs={2}")
    @CsvSource(delimiter = ';', textBlock = """
            0 ; A ; true
            1 ; A ; false
            0 ; A.Succeeded ; true
            1 ; A.Succeeded ; false
            1 ; A.Failed ; true
            0 ; A.Failed ; false
            0 ; !A.Failed ; true
            1 ; A.Succeeded || A.Failed ; true
            1 ; A.Succeeded && A.Failed ; false
            1 ; (A.Failed || A.Errored) && !A.Skipped ; true
            0 ; A.Errored ; false
            0 ; A.Skipped ; false
            0 ; A.Omitted ; false
            0 ; A.Daemoned ; false
            """)
    void dependsOperatorsDecideWhetherTheDependentRuns(int exitCode, String depends, boolean runs) {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: "%s"}
                """.formatted(depends))).start();
        if (exitCode == 0) {
            s.succeed("wf.A");
        } else {
            s.fail("wf.A", exitCode);
        }
        if (runs) {
            assertThat(s.running()).containsExactly("wf.B");
        } else {
            assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Omitted);
            assertThat(s.node("B").type()).isEqualTo(NodeType.Skipped);
            assertThat(s.node("B").message()).isEqualTo("omitted: depends condition not met");
        }
    }

    @Test
    void erroredAndSkippedResults() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: S, template: echo, when: "a == b"}
                - {name: B, template: echo, depends: "A.Errored && S.Skipped && S"}
                """)).start().report("wf.A", RunEvent.StepReport.failed("boom"));
        assertThat(s.phaseOf("S")).isEqualTo(NodePhase.Skipped);
        assertThat(s.running()).containsExactly("wf.B");
    }

    @Test
    void omissionCascadesButASkippedDependencyCountsAsDone() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: A.Failed}
                - {name: C, template: echo, depends: B}
                - {name: D, template: echo, depends: "B.Omitted"}
                """)).start().succeed("wf.A");
        assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Omitted);
        assertThat(s.phaseOf("C")).isEqualTo(NodePhase.Omitted);
        assertThat(s.running()).containsExactly("wf.D");
        s.succeed("wf.D");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aFailureHandledByALeafDoesNotFailTheDag() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: A}
                - {name: H, template: echo, depends: B.Failed}
                """)).start().succeed("wf.A").fail("wf.B", 1).succeed("wf.H");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void aFailureWhoseDescendantsAreOmittedFailsTheDag() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: E, template: echo, depends: A}
                - {name: F, template: echo, depends: A}
                - {name: G, template: echo, depends: "E && F"}
                """)).start().succeed("wf.A").fail("wf.E", 1).succeed("wf.F");
        assertThat(s.phaseOf("G")).isEqualTo(NodePhase.Omitted);
        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Failed);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Failed);
    }

    @Test
    void anErroredTargetErrorsTheDagAndTheWorkflow() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                """)).start().report("wf.A", RunEvent.StepReport.failed("no such program"));
        assertThat(s.phaseOf("wf")).isEqualTo(NodePhase.Error);
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Error);
    }

    @Test
    void continueOnOfATargetCoversItsFailure() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo, continueOn: {failed: true}}
                - {name: B, template: echo, depends: A}
                """)).start().fail("wf.A", 1);
        assertThat(s.running()).containsExactly("wf.B");
        s.succeed("wf.B");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void targetRunsOnlyTheTargetsAndTheirAncestors() {
        RunScenario s = RunScenario.of(dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: A}
                - {name: C, template: echo, depends: A}
                - {name: E, template: echo, depends: C}
                """).replace("    dag:\n", "    dag:\n      target: E\n")).start();
        s.succeed("wf.A");
        assertThat(s.running()).containsExactly("wf.C");
        s.succeed("wf.C").succeed("wf.E");
        assertThat(s.has("B")).isFalse();
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void loopTasksGetATaskGroupAndDependentsWaitForEveryItem() {
        RunScenario s = RunScenario.of(dag("""
                - {name: B, template: echo, withItems: [x, y]}
                - {name: C, template: echo, depends: B}
                - {name: D, template: echo, depends: B.AnySucceeded}
                """)).start();
        assertThat(s.node("B").type()).isEqualTo(NodeType.TaskGroup);
        assertThat(s.running()).containsExactly("wf.B(0:x)", "wf.B(1:y)");
        s.succeed("wf.B(1:y)");
        assertThat(s.running()).containsExactly("wf.B(0:x)");
        s.fail("wf.B(0:x)", 1);
        assertThat(s.phaseOf("B")).isEqualTo(NodePhase.Failed);
        assertThat(s.phaseOf("C")).isEqualTo(NodePhase.Omitted);
        assertThat(s.running()).containsExactly("wf.D");
    }

    @Test
    void aTaskCanWaitForFiveThousandOthers() {
        StringBuilder tasks = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            tasks.append("- {name: m").append(i).append(", template: echo}\n");
            all.append(i == 0 ? "" : " && ").append("m").append(i);
        }
        tasks.append("- {name: last, template: echo, depends: \"").append(all).append("\"}\n");
        RunScenario s = RunScenario.of(dag(tasks.toString())).start();
        assertThat(s.running()).hasSize(5000);
        for (int i = 0; i < 5000; i++) {
            s.succeed("wf.m" + i);
        }
        assertThat(s.running()).containsExactly("wf.last");
        s.succeed("wf.last");
        assertThat(s.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }

    @Test
    void tasksSeeTheOutputsOfTheirDependencies() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: A, template: echo, arguments: {parameters: [{name: m, value: x}]}}
                      - name: B
                        template: echo
                        depends: A
                        arguments: {parameters: [{name: m, value: "{{tasks.A.outputs.result}}-{{tasks.A.status}}"}]}
                  - name: echo
                    inputs: {parameters: [{name: m}]}
                    container: {image: busybox, command: [echo, "{{inputs.parameters.m}}"]}
                """).start().succeed("wf.A", "out\n");
        assertThat(s.node("B").inputParameters()).containsEntry("m", "out-Succeeded");
        assertThat(s.launchOf("wf.B").step().template().kind().toString()).contains("out-Succeeded");
    }
}
