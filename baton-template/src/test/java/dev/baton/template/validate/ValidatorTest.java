package dev.baton.template.validate;

import dev.baton.model.spec.Manifest;
import dev.baton.template.Problem;
import dev.baton.template.yaml.ManifestDocument;
import dev.baton.template.yaml.ManifestReadResult;
import dev.baton.template.yaml.ManifestReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorTest {
    private static final String LIBRARY = """
            kind: WorkflowTemplate
            metadata: {name: lib}
            spec:
              templates:
              - name: print
                inputs: {parameters: [{name: message}]}
                container: {image: busybox, args: ["{{inputs.parameters.message}}"]}
            """;

    /** Every validation problem of the last document of {@code yaml}, as "path: message". */
    private static List<String> problems(String yaml) {
        ManifestReadResult read = new ManifestReader().read("test.yaml", LIBRARY + "---\n" + yaml);
        assertThat(read.problems()).extracting(Problem::format).isEmpty();
        List<Manifest> manifests = read.documents().stream().map(ManifestDocument::manifest).toList();
        return Validator.validate(manifests.getLast(), TemplateLibrary.of(manifests)).stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    private static String workflow(String templates) {
        return "kind: Workflow\nspec:\n  entrypoint: main\n  templates:\n" + templates.indent(2);
    }

    private static final String ECHO = """
            - name: echo
              inputs: {parameters: [{name: m, value: x}]}
              container: {image: busybox}
            """;

    private static String dag(String tasks) {
        return workflow("- name: main\n  dag:\n    tasks:\n" + tasks.indent(4) + ECHO);
    }

    private static String steps(String groups) {
        return workflow("- name: main\n  steps:\n" + groups.indent(2) + ECHO);
    }

    @Test
    void aCorrectWorkflowHasNoProblems() {
        assertThat(problems(dag("""
                - {name: A, template: echo}
                - {name: B, depends: "A.Succeeded || !A", template: echo,
                   arguments: {parameters: [{name: m, value: "{{tasks.A.outputs.result}}"}]}}
                - {name: C, templateRef: {name: lib, template: print},
                   arguments: {parameters: [{name: message, value: hi}]}}
                """))).isEmpty();
    }

    @Test
    void missingEntrypoint() {
        assertThat(problems("kind: Workflow\nspec:\n  templates:\n" + ECHO.indent(2)))
                .containsExactly("spec.entrypoint: missing entrypoint: name the template to run first");
    }

    @Test
    void aWorkflowTemplateNeedsNoEntrypoint() {
        assertThat(problems("kind: WorkflowTemplate\nmetadata: {name: t}\nspec:\n  templates:\n" + ECHO.indent(2)))
                .isEmpty();
    }

    @Test
    void unknownEntrypoint() {
        assertThat(problems("kind: Workflow\nspec:\n  entrypoint: eco\n  templates:\n" + ECHO.indent(2)))
                .containsExactly("spec.entrypoint: unknown template 'eco', did you mean 'echo'?");
    }

    @Test
    void unknownTemplateReference() {
        assertThat(problems(steps("- - {name: a, template: nope}")))
                .containsExactly("spec.templates[0].steps[0][0].template: unknown template 'nope'");
    }

    @Test
    void unknownLibraryEntry() {
        assertThat(problems(steps("- - {name: a, templateRef: {name: libb, template: print}}")))
                .containsExactly("spec.templates[0].steps[0][0].templateRef.name: unknown WorkflowTemplate 'libb',"
                        + " did you mean 'lib'?");
    }

    @Test
    void unknownTemplateInTheLibraryEntry() {
        assertThat(problems(steps("- - {name: a, templateRef: {name: lib, template: prnt}}")))
                .containsExactly("spec.templates[0].steps[0][0].templateRef.template: WorkflowTemplate 'lib' has no"
                        + " template 'prnt', did you mean 'print'?");
    }

    @Test
    void unknownClusterLibraryEntry() {
        assertThat(problems(steps("- - {name: a, templateRef: {name: lib, template: print, clusterScope: true}}")))
                .containsExactly("spec.templates[0].steps[0][0].templateRef.name: unknown ClusterWorkflowTemplate"
                        + " 'lib' (pass the file that defines it together with this one)");
    }

    @Test
    void workflowTemplateRefTakesTemplatesFromTheLibrary() {
        assertThat(problems("""
                kind: Workflow
                spec:
                  entrypoint: print
                  arguments: {parameters: [{name: message, value: hi}]}
                  workflowTemplateRef: {name: lib}
                """)).isEmpty();
        assertThat(problems("kind: Workflow\nspec:\n  entrypoint: print\n  workflowTemplateRef: {name: nolib}\n"))
                .containsExactly("spec.workflowTemplateRef.name: unknown WorkflowTemplate 'nolib', did you mean 'lib'?");
    }

    @Test
    void duplicateTemplateNames() {
        assertThat(problems(workflow("- {name: main, suspend: {}}\n- {name: main, suspend: {}}")))
                .containsExactly("spec.templates[1].name: duplicate template name 'main'");
    }

    @Test
    void duplicateStepNames() {
        assertThat(problems(steps("- - {name: a, template: echo}\n- - {name: a, template: echo}")))
                .containsExactly("spec.templates[0].steps[1][0].name: duplicate step name 'a'");
    }

    @Test
    void duplicateTaskNames() {
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: A, template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].name: duplicate task name 'A'");
    }

    @Test
    void dagCycleIsNamed() {
        assertThat(problems(dag("""
                - {name: A, depends: C, template: echo}
                - {name: B, depends: A, template: echo}
                - {name: C, depends: B, template: echo}
                - {name: D, depends: D, template: echo}
                """))).containsExactly(
                "spec.templates[0].dag.tasks[0].depends: cycle: A -> C -> B -> A",
                "spec.templates[0].dag.tasks[3].depends: cycle: D -> D");
    }

    @Test
    void dependsThatDoesNotParse() {
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: B, depends: 'A &&', template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].depends: cannot parse depends 'A &&': expected a"
                        + " task name at the end");
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: B, depends: '(A || A', template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].depends: cannot parse depends '(A || A': missing ')'");
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: B, depends: 'A B', template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].depends: cannot parse depends 'A B': unexpected 'B'"
                        + " after 'A': join operands with && or ||");
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: B, depends: 'A.Done', template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].depends: cannot parse depends 'A.Done': unknown result"
                        + " 'Done' in 'A.Done': expected one of Succeeded, Failed, Errored, Skipped, Omitted, Daemoned,"
                        + " AnySucceeded, AllFailed");
    }

    @Test
    void dependsNamesAnUnknownTask() {
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: C, depends: 'A && B', template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].depends: unknown task 'B'");
    }

    @Test
    void dependenciesNamesAnUnknownTask() {
        assertThat(problems(dag("- {name: A, template: echo}\n- {name: C, dependencies: [A, X], template: echo}")))
                .containsExactly("spec.templates[0].dag.tasks[1].dependencies[1]: unknown task 'X'");
    }

    @Test
    void dependsAndDependenciesTogether() {
        assertThat(problems(dag("""
                - {name: A, template: echo}
                - {name: B, depends: A, template: echo}
                - {name: C, dependencies: [A], template: echo}
                """))).containsExactly("spec.templates[0].dag: cannot use both 'depends' and 'dependencies' in one DAG");
    }

    @Test
    void stepReferencesOnlyEarlierGroups() {
        assertThat(problems(steps("""
                - - {name: a, template: echo, when: "{{steps.b.status}} == x"}
                  - {name: b, template: echo, when: "{{steps.a.status}} == x"}
                - - {name: c, template: echo, when: "{{steps.d.outputs.result}} == {{steps.zz.status}}"}
                - - {name: d, template: echo, when: "{{steps.a.status}} == x", hooks: {exit: {template: echo,
                      arguments: {parameters: [{name: m, value: "{{steps.d.status}}"}]}}}}
                """))).containsExactly(
                "spec.templates[0].steps[0][0].when: step 'b' runs in the same group; a step can only use steps of"
                        + " earlier groups",
                "spec.templates[0].steps[0][1].when: step 'a' runs in the same group; a step can only use steps of"
                        + " earlier groups",
                "spec.templates[0].steps[1][0].when: step 'd' runs in a later group; a step can only use steps of"
                        + " earlier groups",
                "spec.templates[0].steps[1][0].when: unknown step 'zz'");
    }

    @Test
    void taskArgumentsMustNameADependency() {
        assertThat(problems(dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, arguments: {parameters: [{name: m, value: "{{tasks.A.outputs.result}}"}]}}
                - {name: C, template: echo, when: "{{tasks.Q.status}} == x"}
                """))).containsExactly(
                "spec.templates[0].dag.tasks[1].arguments.parameters[0].value: missing dependency 'A' for parameter"
                        + " 'm': add 'A' to the depends or dependencies of task 'B'",
                "spec.templates[0].dag.tasks[2].when: unknown task 'Q'");
    }

    @Test
    void inputReferencesMustNameDeclaredInputs() {
        assertThat(problems(workflow("""
                - name: main
                  inputs: {parameters: [{name: msg, value: x}], artifacts: [{name: data, raw: {data: x}}]}
                  container:
                    image: busybox
                    args: ["{{inputs.parameters.mgs}}", "{{ inputs.artifacts.dat.path }}", "{{=inputs.parameters.zz}}",
                           "{{inputs.parameters}}", "{{inputs.parameters.msg}}"]
                """))).containsExactly(
                "spec.templates[0].container.args[0]: unknown input parameter 'mgs', did you mean 'msg'?",
                "spec.templates[0].container.args[1]: unknown input artifact 'dat', did you mean 'data'?");
    }

    @Test
    void argumentsOutsideTheInputsEnum() {
        assertThat(problems(workflow("""
                - name: main
                  steps: [[{name: a, template: pick, arguments: {parameters: [{name: c, value: blue}]}}]]
                - name: pick
                  inputs: {parameters: [{name: c, enum: [red, green]}]}
                  container: {image: busybox}
                """))).containsExactly("spec.templates[0].steps[0][0].arguments.parameters[0].value: 'blue' is not an"
                + " allowed value of input parameter 'c': expected one of red, green");
    }

    @Test
    void requiredInputsNeedArguments() {
        assertThat(problems(steps("- - {name: a, templateRef: {name: lib, template: print}}")))
                .containsExactly("spec.templates[0].steps[0][0].arguments: missing argument for input parameter"
                        + " 'message' of template 'print'");
    }

    @Test
    void workflowParameterWithoutValue() {
        assertThat(problems("""
                kind: Workflow
                spec:
                  entrypoint: main
                  arguments: {parameters: [{name: a}, {name: b, value: x, enum: [y, z]}, {name: c, default: d}]}
                  templates: [{name: main, suspend: {}}]
                """)).containsExactly(
                "spec.arguments.parameters[0]: workflow parameter 'a' has no value: set value or default, or pass it"
                        + " with -p a=VALUE",
                "spec.arguments.parameters[1].value: 'x' is not an allowed value of workflow parameter 'b': expected"
                        + " one of y, z");
    }

    @Test
    void namesFollowArgoRules() {
        assertThat(problems(workflow("""
                - name: main
                  steps: [[{name: step_1, template: echo}]]
                - name: -bad
                  suspend: {}
                """ + ECHO))).containsExactly(
                "spec.templates[0].steps[0][0].name: invalid name 'step_1': a name must consist of alpha-numeric"
                        + " characters or '-', and must start with an alpha-numeric character",
                "spec.templates[1].name: invalid name '-bad': a name must consist of alpha-numeric characters or"
                        + " '-', and must start with an alpha-numeric character");
        assertThat(problems(workflow("- name: " + "a".repeat(129) + "\n  suspend: {}\n- {name: main, suspend: {}}")))
                .containsExactly("spec.templates[0].name: name 'aaaaaaaaaaaaaaaaaaaa…' is longer than 128 characters");
    }

    @Test
    void unknownDagTarget() {
        assertThat(problems(workflow("- name: main\n  dag: {target: A B, tasks: [{name: A, template: echo}]}\n" + ECHO)))
                .containsExactly("spec.templates[0].dag.target: unknown task 'B'");
    }

    @Test
    void inlineTemplatesAreCheckedInTheirOwnScope() {
        assertThat(problems(dag("""
                - name: A
                  arguments: {parameters: [{name: x, value: "1"}]}
                  inline:
                    inputs: {parameters: [{name: x}]}
                    container: {image: busybox, args: ["{{inputs.parameters.x}}", "{{inputs.parameters.y}}"]}
                """))).containsExactly(
                "spec.templates[0].dag.tasks[0].inline.container.args[1]: unknown input parameter 'y'");
    }

    @Test
    void cronWorkflowsAreValidatedUnderWorkflowSpec() {
        assertThat(problems("kind: CronWorkflow\nspec:\n  schedule: '* * * * *'\n  workflowSpec:\n"
                + "    entrypoint: nope\n    templates: [{name: main, suspend: {}}]\n"))
                .containsExactly("spec.workflowSpec.entrypoint: unknown template 'nope'");
    }
}
