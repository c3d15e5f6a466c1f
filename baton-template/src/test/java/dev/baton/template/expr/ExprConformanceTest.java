package dev.baton.template.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The expressions of the Argo conformance workflows, with the environment the engine supplies. */
class ExprConformanceTest {

    private static String render(String source, Map<String, ?> env) {
        return ExprValues.render(Expr.evaluate(source, env));
    }

    @Test
    void reusingVerboseSnippetsComputesTheWeeksStatistics() {
        String weather = "{\"weekWeather\": \"eyJ0ZW1wcyI6IFszNCwgMjcsIDE1LCA1NywgNDZdfQo=\"}";
        String weekTemps = render("""
                map([
                    jsonpath(sprig.b64dec(jsonpath(workflow.parameters.weather, '$.weekWeather')), '$.temps')
                  ], {
                    toJson({
                      avg: sprig.add(#[0], #[1], #[2], #[3], #[4]) / 5,
                      min: sprig.min(#[0], #[1], #[2], #[3], #[4]),
                      max: sprig.max(#[0], #[1], #[2], #[3], #[4])
                    })
                })[0]
                """, Map.of("workflow", Map.of("parameters", Map.of("weather", weather))));
        assertThat(weekTemps).isEqualTo("{\"avg\":35.8,\"max\":57,\"min\":15}");

        Map<String, ?> env = Map.of("inputs", Map.of("parameters", Map.of("week-temps", weekTemps)));
        String sentence = "The week's average temperature was " + render("jsonpath(inputs.parameters['week-temps'], '$.avg')", env)
                + " with a minimum of " + render("jsonpath(inputs.parameters['week-temps'], '$.min')", env)
                + " and a maximum of " + render("jsonpath(inputs.parameters['week-temps'], '$.max')", env) + ".";
        assertThat(sentence).isEqualTo("The week's average temperature was 35.8 with a minimum of 15 and a maximum of 57.");
    }

    @Test
    void destructureJsonPicksEachField() {
        Map<String, ?> env = Map.of("workflow", Map.of("parameters", Map.of("config", "{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}")));
        assertThat(render("jsonpath(workflow.parameters.config, '$.a')", env)).isEqualTo("1");
        assertThat(render("jsonpath(workflow.parameters.config, '$.b')", env)).isEqualTo("2");
        assertThat(render("jsonpath(workflow.parameters.config, '$.c')", env)).isEqualTo("3");
    }

    @Test
    void expressionTagTemplateBuildsWithParamAndArgs() {
        assertThat(render("toJson(filter([1, 3], {# > 1}))", Map.of())).isEqualTo("[3]");
        assertThat(render("item", Map.of("item", "3"))).isEqualTo("3");
        assertThat(render("asInt(inputs.parameters.foo) * 10", Map.of("inputs", Map.of("parameters", Map.of("foo", "3")))))
                .isEqualTo("30");
        String year = render("sprig.date('2006', workflow.creationTimestamp)",
                Map.of("workflow", Map.of("creationTimestamp", "2021-03-04T05:06:07Z")));
        assertThat(year).matches(Pattern.compile("\\d{4}"));
    }

    @Test
    void conditionalsCompareParameters() {
        Map<String, ?> env = Map.of(
                "inputs", Map.of("parameters", Map.of("should-print", "true")),
                "workflow", Map.of("parameters", Map.of("json", "[{\"name\":\"should-print\",\"value\":\"true\"}]")));
        assertThat(render(" inputs.parameters[\"should-print\"] == 'true'", env)).isEqualTo("true");
        assertThat(render("jsonpath(workflow.parameters.json, '$[0].value') == 'true'", env)).isEqualTo("true");
    }

    @Test
    void conditionalParametersPickTheBranchThatRan() {
        Map<String, Object> steps = new HashMap<>();
        steps.put("flip-coin", Map.of("outputs", Map.of("result", "tails")));
        steps.put("tails", Map.of("outputs", Map.of("result", "tails")));
        String src = "steps['flip-coin'].outputs.result == 'heads' ? steps.heads.outputs.result : steps.tails.outputs.result";
        assertThat(render(src, Map.of("steps", steps))).isEqualTo("tails");

        Map<String, Object> tasks = new HashMap<>();
        tasks.put("flip-coin", Map.of("outputs", Map.of("result", "heads")));
        tasks.put("heads", Map.of("outputs", Map.of("result", "heads")));
        String dag = "tasks['flip-coin'].outputs.result == 'heads' ? tasks.heads.outputs.result : tasks.tails.outputs.result";
        assertThat(render(dag, Map.of("tasks", tasks))).isEqualTo("heads");
    }

    @Test
    void retryConditionReadsLastRetryStrings() {
        String src = """
                asInt(lastRetry.exitCode) > 1 &&
                lastRetry.status != "Error" &&
                asInt(lastRetry.duration) < 120 &&
                (true == true || lastRetry.message matches 'imminent node shutdown|pod deleted')""";
        Map<String, String> lastRetry = Map.of("exitCode", "2", "status", "Failed", "duration", "3", "message", "");
        assertThat(Expr.evaluate(src, Map.of("lastRetry", lastRetry))).isEqualTo(true);
        Map<String, String> exit1 = Map.of("exitCode", "1", "status", "Failed", "duration", "3", "message", "");
        assertThat(Expr.evaluate(src, Map.of("lastRetry", exit1))).isEqualTo(false);
    }

    @Test
    void expressionFallbackCoversAnAbsentOutput() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("msg", null);
        Map<String, ?> env = Map.of("tasks", Map.of("producer", Map.of("outputs", Map.of("parameters", parameters))));
        assertThat(render("tasks.producer.outputs.parameters.msg ?? 'expr-fallback'", env)).isEqualTo("expr-fallback");
        Map<String, ?> empty = Map.of("tasks", Map.of("producer", Map.of("outputs", Map.of("parameters", Map.of("msg", "")))));
        assertThat(render("tasks.producer.outputs.parameters.msg ?? 'expr-fallback'", empty)).isEmpty();
    }
}
