package dev.baton.template.yaml;

import dev.baton.model.spec.ArtifactLocation;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.IntOrString;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordBinderTest {
    /** The first document of {@code yaml} as a tree. */
    private static Object tree(String yaml) {
        YamlReadResult read = new YamlReader().read("test.yaml", yaml);
        assertThat(read.problems()).isEmpty();
        return read.documents().getFirst().tree();
    }

    private static <T> Bound<T> bind(String yaml, Class<T> type) {
        return RecordBinder.bind(tree(yaml), type);
    }

    private static List<String> messages(Bound<?> bound) {
        return bound.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void stringsKeepTheScalarTextAsWritten() {
        ParameterSpec one = bind("{name: n, value: 1}", ParameterSpec.class).value();
        ParameterSpec yes = bind("{name: n, value: yes}", ParameterSpec.class).value();
        ParameterSpec decimal = bind("{name: n, value: 1.50}", ParameterSpec.class).value();
        ParameterSpec octal = bind("{name: n, value: 0755}", ParameterSpec.class).value();

        assertThat(one.value()).isEqualTo("1");
        assertThat(yes.value()).isEqualTo("yes");
        assertThat(decimal.value()).isEqualTo("1.50");
        assertThat(octal.value()).isEqualTo("0755");
    }

    @Test
    void stringsRejectMappingsAndLists() {
        Bound<ParameterSpec> bound = bind("{name: n, value: {a: 1}, enum: x}", ParameterSpec.class);

        assertThat(messages(bound)).containsExactly(
                "value: expected a string, found a mapping",
                "enum: expected a list, found 'x'");
    }

    @Test
    void booleansAcceptTrueAndFalseOnly() {
        assertThat(bind("{optional: true}", ArtifactSpec.class).value().optional()).isTrue();
        assertThat(bind("{optional: false}", ArtifactSpec.class).value().optional()).isFalse();
        assertThat(messages(bind("{optional: maybe}", ArtifactSpec.class)))
                .containsExactly("optional: expected true or false, found 'maybe'");
    }

    @Test
    void integersAcceptNumbersDigitStringsAndYamlOctal() {
        assertThat(bind("{mode: 420}", ArtifactSpec.class).value().mode()).isEqualTo(420);
        assertThat(bind("{mode: '420'}", ArtifactSpec.class).value().mode()).isEqualTo(420);
        assertThat(bind("{mode: 0755}", ArtifactSpec.class).value().mode()).isEqualTo(0755);
        assertThat(messages(bind("{mode: rw}", ArtifactSpec.class)))
                .containsExactly("mode: expected an integer, found 'rw'");
        assertThat(messages(bind("{mode: 99999999999}", ArtifactSpec.class)))
                .containsExactly("mode: expected an integer, found '99999999999'");
    }

    @Test
    void longsAcceptLargeIntegers() {
        Bound<ArtifactLocation.Git> bound = bind("{repo: r, depth: 99999999999}", ArtifactLocation.Git.class);

        assertThat(bound.value().depth()).isEqualTo(99_999_999_999L);
    }

    @Test
    void intOrStringKeepsWhetherTheValueWasANumber() {
        TemplateSpec numeric = bind("{name: t, suspend: {}, parallelism: 3}", TemplateSpec.class).value();
        TemplateSpec text = bind("{name: t, suspend: {}, parallelism: '3'}", TemplateSpec.class).value();
        TemplateSpec templated = bind("{name: t, suspend: {}, parallelism: '{{inputs.parameters.n}}'}",
                TemplateSpec.class).value();

        assertThat(numeric.parallelism()).isEqualTo(new IntOrString("3", true));
        assertThat(text.parallelism()).isEqualTo(new IntOrString("3", false));
        assertThat(templated.parallelism()).isEqualTo(IntOrString.of("{{inputs.parameters.n}}"));
    }

    @Test
    void inlineFieldsSitInTheEnclosingMapping() {
        TemplateSpec template = bind("""
                name: t
                nodeSelector: {disk: ssd}
                script:
                  image: python
                  command: [python]
                  source: print(1)
                """, TemplateSpec.class).value();

        TemplateKind.Script script = (TemplateKind.Script) template.kind();
        assertThat(script.container().image()).isEqualTo("python");
        assertThat(script.container().command()).containsExactly("python");
        assertThat(script.source()).isEqualTo("print(1)");
        assertThat(template.pod().nodeSelector()).containsEntry("disk", "ssd");
    }

    @Test
    void anInlineRecordWithNoKeysIsAbsentExceptInsideAVariant() {
        TemplateSpec template = bind("{name: t, script: {source: x}}", TemplateSpec.class).value();

        assertThat(template.pod()).isNull();
        assertThat(((TemplateKind.Script) template.kind()).container()).isNotNull();
    }

    @Test
    void oneOfChoosesTheVariantByItsKey() {
        TemplateSpec template = bind("{name: t, suspend: {duration: '20'}}", TemplateSpec.class).value();

        assertThat(template.kind()).isEqualTo(new TemplateKind.Suspend("20"));
    }

    @Test
    void oneOfWithNoVariantIsAProblemUnlessOptional() {
        Bound<TemplateSpec> template = bind("{name: t}", TemplateSpec.class);
        Bound<ArtifactSpec> artifact = bind("{name: a, path: /tmp/a}", ArtifactSpec.class);

        assertThat(messages(template)).containsExactly(": template has no kind: expected one of container, script,"
                + " resource, suspend, steps, dag, http, containerSet, data, plugin");
        assertThat(artifact.problems()).isEmpty();
        assertThat(artifact.value().location()).isNull();
    }

    @Test
    void oneOfWithSeveralVariantsIsAProblem() {
        Bound<ArtifactSpec> bound = bind("{name: a, raw: {data: x}, s3: {key: k}}", ArtifactSpec.class);

        assertThat(messages(bound)).containsExactly(": artifact has several kinds: raw, s3");
    }

    @Test
    void wholeValueRecordsAreTheValueItself() {
        TemplateSpec steps = bind("{name: t, steps: [[{name: a, template: x}], []]}", TemplateSpec.class).value();
        TemplateSpec plugin = bind("{name: t, plugin: {hello: {text: hi}}}", TemplateSpec.class).value();

        TemplateKind.Steps groups = (TemplateKind.Steps) steps.kind();
        assertThat(groups.groups()).hasSize(2);
        assertThat(groups.groups().getFirst().getFirst().name()).isEqualTo("a");
        assertThat(groups.groups().get(1)).isEmpty();
        assertThat(((TemplateKind.Plugin) plugin.kind()).config()).isEqualTo(Map.of("hello", Map.of("text", "hi")));
    }

    @Test
    void unknownFieldsAreReportedWithTheirPathAndASuggestion() {
        Bound<TemplateSpec> bound = bind("""
                name: t
                dag:
                  tasks:
                  - name: A
                    template: x
                    dependson: B
                  - name: B
                    templte: x
                    zzz: 1
                """, TemplateSpec.class);

        assertThat(messages(bound)).containsExactly(
                "dag.tasks[0].dependson: unknown field 'dependson', did you mean 'depends'?",
                "dag.tasks[1].templte: unknown field 'templte', did you mean 'template'?",
                "dag.tasks[1].zzz: unknown field 'zzz'");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Bound<TemplateSpec> bound = bind("{name: [x], inputs: 3, retryStrategy: {limit: {}}, suspend: {}}",
                TemplateSpec.class);

        assertThat(messages(bound)).containsExactly(
                "name: expected a string, found a list",
                "inputs: expected a mapping, found '3'",
                "retryStrategy.limit: expected an integer or a string, found a mapping");
    }

    @Test
    void freeFormValuesKeepYamlTypes() {
        Bound<dev.baton.model.spec.StepSpec> bound = bind("{name: s, template: t, withItems: [1, 2.5, true, x, {a: 1}]}",
                dev.baton.model.spec.StepSpec.class);

        assertThat(bound.value().withItems()).containsExactly(1L, 2.5, true, "x", Map.of("a", 1L));
    }

    @Test
    void plainJavaTreesBindLikeYaml() {
        Map<String, Object> tree = Map.of("name", "t", "parallelism", 2, "suspend", Map.of(),
                "inputs", Map.of("parameters", List.of(Map.of("name", "p", "value", 5))));

        TemplateSpec template = RecordTrees.fromTree(tree, TemplateSpec.class);

        assertThat(template.parallelism()).isEqualTo(IntOrString.of(2));
        assertThat(template.inputs().parameters().getFirst().value()).isEqualTo("5");
        assertThat(template.kind()).isEqualTo(new TemplateKind.Suspend(null));
    }

    @Test
    void fromTreeThrowsWithEveryProblem() {
        assertThatThrownBy(() -> RecordTrees.fromTree(Map.of("name", "t", "bogus", 1), TemplateSpec.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template has no kind")
                .hasMessageContaining("bogus: unknown field 'bogus'");
    }

    @Test
    void toTreeUsesArgoKeysOmitsAbsentValuesAndKeepsEmptyLists() {
        ParameterSpec parameter = new ParameterSpec("p", null, "d", List.of(), null, null, null);
        TemplateSpec template = bind("{name: t, container: {image: busybox, args: []}, parallelism: 2}",
                TemplateSpec.class).value();

        assertThat(RecordTrees.toTree(parameter)).isEqualTo(Map.of("name", "p", "default", "d", "enum", List.of()));
        assertThat(RecordTrees.toTree(template)).isEqualTo(Map.of("name", "t", "parallelism", 2L,
                "container", Map.of("image", "busybox", "args", List.of())));
    }

    @Test
    void problemsFormatWithFileLineAndColumn() {
        assertThat(new Problem("wf.yaml", "spec.entrypoint", 3, 5, "missing entrypoint").format())
                .isEqualTo("wf.yaml:3:5: spec.entrypoint: missing entrypoint");
        assertThat(Problem.inFile("wf.yaml", "cannot read file").format()).isEqualTo("wf.yaml: cannot read file");
    }
}
