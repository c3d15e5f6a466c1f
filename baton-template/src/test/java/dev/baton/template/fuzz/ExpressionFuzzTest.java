package dev.baton.template.fuzz;

import dev.baton.template.expr.Expr;
import dev.baton.template.expr.ExprException;
import dev.baton.template.subst.Substitution;
import dev.baton.template.subst.SubstitutionException;
import dev.baton.template.subst.Unresolved;
import dev.baton.template.subst.Variables;
import dev.baton.template.when.WhenCondition;
import dev.baton.template.when.WhenException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The three expression languages a workflow carries — {@code {{…}}} substitution, expr in {@code {{= …}}} and
 * govaluate in {@code when} — given random text built from their own tokens: each answers a value or its one
 * documented error whose message names no Java internals, and none hangs or overflows the stack. Each property
 * runs with a fixed seed and again with a random one (jqwik prints it on failure).
 */
class ExpressionFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final String SEED = "20261204";
    private static final Variables VARIABLES = Variables.of(Map.of(
            "inputs.parameters.x", "caf\u00e9 \uFFFD",
            "inputs.parameters.n", "42",
            "inputs.parameters.json", "{\"a\": [1, 2, {\"b\": null}]}",
            "tasks.a.outputs.result", "[1,2,3]",
            "workflow.name", "fuzz",
            "item", "{\"k\": \"v\"}"));
    private static final Map<String, Object> ENV = Map.of(
            "inputs", Map.of("parameters", Map.of("x", "caf\u00e9", "n", "42", "json", "{\"a\": [1]}")),
            "items", List.of(1, "two", 3.5, List.of(), Map.of("k", "v")),
            "workflow", Map.of("name", "fuzz"));

    private static final List<String> TOKENS = List.of(
            "{{", "}}", "{{=", "{{ ", " }}", "inputs.parameters.x", "inputs.parameters.n", "inputs.parameters.json",
            "tasks.a.outputs.result", "workflow.name", "item", "items", "inputs", ".", "..", "?.", "??", "?", ":",
            "(", ")", "[", "]", "{", "}", ",", "'", "\"", "`", "\\", "\\u", "+", "-", "*", "/", "%", "**", "^",
            "==", "!=", "<", "<=", ">", ">=", "=~", "!~", "&&", "||", "!", "not ", " and ", " or ", " in ",
            " matches ", " contains ", " startsWith ", "|", "#", "#.k", "map(", "filter(", "all(", "any(",
            "len(", "asInt(", "asFloat(", "string(", "toJson(", "fromJson(", "jsonpath(", "sprig.", "sprig.trim(",
            "sprig.repeat(", "sprig.until(", "sprig.seq(", "sprig.regexFind(", "sprig.date(", "now()", "let x = 1;",
            "true", "false", "nil", "null", "0", "1", "-1", "1e308", "1e999999", "0x1F", "9223372036854775808",
            "3.14", ".5", "1..3", "999999999", "'a'", "\"b\"", "'(a+)+$'", "\u0000", "\n", "\t", " ", "\u00e9",
            "\uFFFD", "\uD83D\uDE00", "\uD800", "${", "$", "@", "=", "Infinity", "NaN");

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(4);
        Arbitrary<String> tokens = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, token), net.jqwik.api.Tuple.of(2, any))
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
        Arbitrary<String> deep = Arbitraries.integers().between(10, 20_000).flatMap(n -> Arbitraries.of(
                "(".repeat(n) + "1" + ")".repeat(n), "[".repeat(n) + "]".repeat(n), "!".repeat(n) + "true",
                "-".repeat(n) + "1", "1" + "+1".repeat(n), "{{=" + "(".repeat(n) + "1" + ")".repeat(n) + "}}",
                "{{".repeat(n) + "}}".repeat(n)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, tokens), net.jqwik.api.Tuple.of(1, deep));
    }

    @Property(tries = 1500, seed = SEED)
    void substitutionWithAFixedSeed(@ForAll("expressions") String text) throws Exception {
        substitutes(text);
    }

    @Property(tries = 1500)
    void substitutionWithARandomSeed(@ForAll("expressions") String text) throws Exception {
        substitutes(text);
    }

    @Property(tries = 1500, seed = SEED)
    void exprWithAFixedSeed(@ForAll("expressions") String text) throws Exception {
        evaluatesExpr(text);
    }

    @Property(tries = 1500)
    void exprWithARandomSeed(@ForAll("expressions") String text) throws Exception {
        evaluatesExpr(text);
    }

    @Property(tries = 1500, seed = SEED)
    void whenWithAFixedSeed(@ForAll("expressions") String text) throws Exception {
        evaluatesWhen(text);
    }

    @Property(tries = 1500)
    void whenWithARandomSeed(@ForAll("expressions") String text) throws Exception {
        evaluatesWhen(text);
    }

    private static void substitutes(String text) throws Exception {
        for (Unresolved policy : Unresolved.values()) {
            try {
                Bounded.call(text, LIMIT, () -> Substitution.apply(text, VARIABLES, policy));
            } catch (SubstitutionException | ExprException e) {
                Leaks.assertNone(e.getMessage(), text);
            }
        }
    }

    private static void evaluatesExpr(String text) throws Exception {
        try {
            Bounded.call(text, LIMIT, () -> Expr.evaluate(text, ENV));
        } catch (ExprException e) {
            Leaks.assertNone(e.getMessage(), text);
        }
    }

    private static void evaluatesWhen(String text) throws Exception {
        String substituted;
        try {
            substituted = Bounded.call(text, LIMIT, () -> Substitution.apply(text, VARIABLES, Unresolved.KEEP));
        } catch (SubstitutionException | ExprException e) {
            substituted = text;
        }
        String condition = substituted;
        try {
            Bounded.call(condition, LIMIT, () -> WhenCondition.evaluate(condition));
        } catch (WhenException e) {
            Leaks.assertNone(e.getMessage(), condition);
        }
    }
}
