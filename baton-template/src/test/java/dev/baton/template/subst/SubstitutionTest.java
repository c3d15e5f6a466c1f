package dev.baton.template.subst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {{name}} and {{= expr}} substitution with Argo's rules for unknown, absent and late-bound values. */
class SubstitutionTest {

    private static final Variables VARS = Variables.of(Map.of(
            "inputs.parameters.x", "3",
            "inputs.parameters.msg", "say \"hi\"",
            "inputs.parameters.json", "{\"a\": 1}",
            "steps.flip-coin.outputs.result", "heads",
            "workflow.parameters", "[{\"name\":\"x\",\"value\":\"1\"}]",
            "workflow.parameters.x", "1",
            "workflow.name", "wf-1"),
            Set.of("tasks.producer.outputs.parameters.msg"));

    private static String apply(String text) {
        return Substitution.apply(text, VARS, Unresolved.ERROR);
    }

    @Test
    void replacesSimpleTagsTrimmingWhitespace() {
        assertThat(apply("x={{inputs.parameters.x}} y={{ inputs.parameters.x }}!")).isEqualTo("x=3 y=3!");
        assertThat(apply("{{steps.flip-coin.outputs.result}} == heads")).isEqualTo("heads == heads");
        assertThat(apply("{{inputs.parameters.msg}}")).isEqualTo("say \"hi\"");
        assertThat(apply("{{workflow.parameters}}")).isEqualTo("[{\"name\":\"x\",\"value\":\"1\"}]");
    }

    @Test
    void textWithoutTagsIsReturnedAsIs() {
        String text = "no tags here { } }}";
        assertThat(Substitution.apply(text, VARS, Unresolved.ERROR)).isSameAs(text);
        assertThat(apply("open {{ without end")).isEqualTo("open {{ without end");
        assertThat(Substitution.apply(null, VARS, Unresolved.ERROR)).isNull();
    }

    @Test
    void tagsOutsideArgosPrefixesStayVerbatim() {
        assertThat(apply("hello {{user.username}} {{custom}} {{}}")).isEqualTo("hello {{user.username}} {{custom}} {{}}");
    }

    @Test
    void unknownArgoTagsFailOrStay() {
        assertThatThrownBy(() -> apply("{{ inputs.parameters.nope }}"))
                .isInstanceOf(SubstitutionException.class)
                .hasMessage("failed to resolve {{inputs.parameters.nope}}")
                .satisfies(e -> {
                    assertThat(((SubstitutionException) e).getTag()).isEqualTo("inputs.parameters.nope");
                    assertThat(((SubstitutionException) e).isAbsentOptional()).isFalse();
                });
        assertThat(Substitution.apply("a {{inputs.parameters.nope}} {{inputs.parameters.x}}", VARS, Unresolved.KEEP))
                .isEqualTo("a {{inputs.parameters.nope}} 3");
    }

    @Test
    void absentOutputsFailAsAbsentOptionalOrStay() {
        assertThatThrownBy(() -> apply("{{tasks.producer.outputs.parameters.msg}}"))
                .isInstanceOf(SubstitutionException.class)
                .hasMessage("failed to resolve {{tasks.producer.outputs.parameters.msg}}: absent optional output"
                        + " (its producer was skipped or omitted and the output declares no default)")
                .satisfies(e -> assertThat(((SubstitutionException) e).isAbsentOptional()).isTrue());
        assertThat(Substitution.apply("{{tasks.producer.outputs.parameters.msg}}", VARS, Unresolved.KEEP))
                .isEqualTo("{{tasks.producer.outputs.parameters.msg}}");
    }

    @Test
    void evaluatesExpressionTags() {
        assertThat(apply("{{=asInt(inputs.parameters.x) * 10}}")).isEqualTo("30");
        assertThat(apply("{{= steps['flip-coin'].outputs.result == 'heads' }}")).isEqualTo("true");
        assertThat(apply("{{=inputs.parameters.json}}")).isEqualTo("{\"a\": 1}");
        assertThat(apply("{{=toJson(inputs.parameters.json)}}")).isEqualTo("\"{\\\"a\\\": 1}\"");
        assertThat(apply("{{=jsonpath(inputs.parameters.json, '$.a') + 1}}")).isEqualTo("2");
        assertThat(apply("{{=workflow.parameters.x}}")).isEqualTo("1");
        assertThat(apply("{{=179 / 5}} and {{=[1, 2]}}")).isEqualTo("35.8 and [1 2]");
        assertThat(apply("{{=tasks.producer.outputs.parameters.msg ?? 'fallback'}}")).isEqualTo("fallback");
        assertThat(apply("{{=tasks.producer.outputs.parameters.msg == ''}}")).isEqualTo("false");
        assertThat(apply("{{=\n  sprig.upper(workflow.name)\n}}")).isEqualTo("WF-1");
        assertThat(apply("{{=sort(keys(inputs.parameters))}}")).isEqualTo("[json msg x]");
        assertThat(apply("{{=toJson(steps)}}")).isEqualTo("{\"flip-coin\":{\"outputs\":{\"result\":\"heads\"}}}");
        assertThat(apply("{{='x' in inputs.parameters}} {{='nope' in inputs.parameters}}")).isEqualTo("true false");
        assertThat(apply("{{=len(tasks.producer.outputs.parameters)}}")).isEqualTo("1");
    }

    @Test
    void lateBoundVariablesWaitForALaterPass() {
        for (String text : new String[] {"{{=item}}", "{{=sprig.int(retries)}}", "{{=asInt(lastRetry.exitCode) > 1}}",
                "{{=workflow.status == 'Succeeded'}}", "{{=len(fromJSON(workflow.failures))}}"}) {
            assertThat(Substitution.apply(text, VARS, Unresolved.KEEP)).isEqualTo(text);
        }
        assertThatThrownBy(() -> apply("{{=item}}"))
                .isInstanceOf(SubstitutionException.class)
                .hasMessage("failed to evaluate expression 'item': item is not available yet")
                .satisfies(e -> assertThat(((SubstitutionException) e).getTag()).isEqualTo("=item"));
        Variables exitScope = Variables.overlay(Variables.of(Map.of("workflow.status", "Succeeded", "item", "7")), VARS);
        assertThat(Substitution.apply("{{=workflow.status == 'Succeeded'}} {{=asInt(item) + 1}}", exitScope, Unresolved.KEEP))
                .isEqualTo("true 8");
        assertThat(Substitution.apply("{{='workflow.status'}}", VARS, Unresolved.KEEP)).isEqualTo("workflow.status");
    }

    @Test
    void nilResultsAndErrorsFailOrStay() {
        assertThat(Substitution.apply("{{=inputs.parameters.nope}}", VARS, Unresolved.KEEP)).isEqualTo("{{=inputs.parameters.nope}}");
        assertThatThrownBy(() -> apply("{{=inputs.parameters.nope}}"))
                .isInstanceOf(SubstitutionException.class)
                .hasMessage("failed to evaluate expression 'inputs.parameters.nope': the result is nil");
        assertThatThrownBy(() -> apply("{{=asInt(x) +}}"))
                .isInstanceOf(SubstitutionException.class)
                .hasMessage("failed to evaluate expression 'asInt(x) +': unexpected end of input");
        assertThatThrownBy(() -> apply("{{=asInt(inputs.parameters.msg)}}"))
                .isInstanceOf(SubstitutionException.class)
                .hasMessage("failed to evaluate expression 'asInt(inputs.parameters.msg)': invalid operation: int(say \"hi\")");
        assertThat(Substitution.apply("{{=nope.x}}", VARS, Unresolved.KEEP)).isEqualTo("{{=nope.x}}");
    }

    @Test
    void worksWithAnyVariablesImplementation() {
        Map<String, String> values = Map.of("inputs.parameters", "{}", "inputs.parameters.a", "1", "item", "x");
        Variables custom = new Variables() {
            @Override
            public String get(String name) {
                return values.get(name);
            }

            @Override
            public Set<String> names() {
                return values.keySet();
            }
        };
        assertThat(Substitution.apply("{{=inputs.parameters.a + item}} {{inputs.parameters}}", custom, Unresolved.ERROR))
                .isEqualTo("1x {}");
        assertThat(custom.hasNamesUnder("inputs")).isTrue();
        assertThat(custom.hasNamesUnder("item")).isFalse();
    }

    @Test
    void overlayHidesOuterNames() {
        Variables inner = Variables.of(Map.of("inputs.parameters.x", "inner"), Set.of("inputs.parameters.gone"));
        Variables outer = Variables.of(Map.of("inputs.parameters.x", "outer", "inputs.parameters.gone", "old",
                "workflow.name", "wf"));
        Variables scope = Variables.overlay(inner, outer);
        assertThat(scope.get("inputs.parameters.x")).isEqualTo("inner");
        assertThat(scope.get("workflow.name")).isEqualTo("wf");
        assertThat(scope.get("inputs.parameters.gone")).isNull();
        assertThat(scope.isAbsent("inputs.parameters.gone")).isTrue();
        assertThat(scope.names()).containsExactlyInAnyOrder("inputs.parameters.x", "inputs.parameters.gone", "workflow.name");
        assertThat(Substitution.apply("{{inputs.parameters.x}}-{{workflow.name}}", scope, Unresolved.ERROR)).isEqualTo("inner-wf");
        assertThat(Variables.empty().names()).isEmpty();
    }

    @Test
    void listsTagsForValidation() {
        String text = "{{inputs.parameters.a}} {{ steps.s.outputs.result }} {{user.x}} {{=asInt(inputs.parameters.b) + item.n}}"
                + " {{=steps['my-step'].outputs.parameters.p}} {{=bad +}}";
        assertThat(Substitution.tagNames(text)).containsExactly("inputs.parameters.a", "steps.s.outputs.result", "user.x");
        assertThat(Substitution.expressionNames(text))
                .containsExactly("inputs.parameters.b", "item.n", "steps.my-step.outputs.parameters.p");
        assertThat(Substitution.hasTags(text)).isTrue();
        assertThat(Substitution.hasTags("{{ no end")).isFalse();
        assertThat(Substitution.hasTags(null)).isFalse();
        assertThat(Substitution.hasArgoPrefix("lastRetry.exitCode")).isTrue();
        assertThat(Substitution.hasArgoPrefix("retries")).isTrue();
        assertThat(Substitution.hasArgoPrefix("user.username")).isFalse();
    }

    @Test
    void conformanceTemplatesSubstitute() {
        Variables vars = Variables.of(Map.of(
                "workflow.parameters.weather", "{\"weekWeather\": \"eyJ0ZW1wcyI6IFszNCwgMjcsIDE1LCA1NywgNDZdfQo=\"}",
                "inputs.parameters.should-print", "true",
                "workflow.parameters.json", "[{\"name\":\"should-print\",\"value\":\"true\"}]"));
        String weekTemps = Substitution.apply("""
                {{=
                  map([
                      jsonpath(sprig.b64dec(jsonpath(workflow.parameters.weather, '$.weekWeather')), '$.temps')
                    ], {
                      toJson({
                        avg: sprig.add(#[0], #[1], #[2], #[3], #[4]) / 5,
                        min: sprig.min(#[0], #[1], #[2], #[3], #[4]),
                        max: sprig.max(#[0], #[1], #[2], #[3], #[4])
                      })
                  })[0]
                }}""", vars, Unresolved.ERROR);
        assertThat(weekTemps).isEqualTo("{\"avg\":35.8,\"max\":57,\"min\":15}");
        assertThat(Substitution.apply("{{inputs.parameters.should-print}} == true", vars, Unresolved.ERROR))
                .isEqualTo("true == true");
        assertThat(Substitution.apply("{{= inputs.parameters[\"should-print\"] == 'true'}}", vars, Unresolved.ERROR))
                .isEqualTo("true");
        assertThat(Substitution.apply("{{=jsonpath(workflow.parameters.json, '$[0].value') == 'true'}}", vars, Unresolved.ERROR))
                .isEqualTo("true");
        assertThat(Substitution.apply("{{=toJson(filter([1, 3], {# > 1}))}}", vars, Unresolved.ERROR)).isEqualTo("[3]");
    }
}
