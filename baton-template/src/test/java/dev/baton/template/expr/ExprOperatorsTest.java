package dev.baton.template.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** expr-lang literals, operators and access rules, each rendered as Argo inserts the result. */
class ExprOperatorsTest {

    private static final Map<String, Object> ENV = env();

    private static Map<String, Object> env() {
        Map<String, Object> env = new HashMap<>();
        env.put("n", 7);
        env.put("f", 2.5f);
        env.put("s", "hello");
        env.put("list", List.of(1, 2, 3, 4));
        env.put("users", List.of(Map.of("name", "ann", "age", 30), Map.of("name", "bob", "age", 20)));
        env.put("m", Map.of("a", 1, "b-c", "x", "inner", Map.of("k", "v")));
        env.put("nothing", null);
        return env;
    }

    static Stream<Arguments> renders() {
        return Table.rows("""
                1 + 2 => 3
                7 - 10 => -3
                3 * 4 => 12
                179 / 5 => 35.8
                4 / 2 => 2
                7 % 3 => 1
                2 ** 10 => 1024
                2 ^ 3 => 8
                -2 ** 2 => -4
                1 + 2 * 3 => 7
                (1 + 2) * 3 => 9
                1.5 + 1 => 2.5
                0.1 + 0.2 => 0.30000000000000004
                1e3 => 1000
                1_000_000 => 1000000
                1000000.0 => 1e+06
                123456.0 => 123456
                0.0001 => 0.0001
                0.00001 => 1e-05
                0x1F => 31
                0b101 => 5
                0o17 => 15
                .5 => 0.5
                n * f => 17.5
                'a' + "b" => ab
                'it\\'s' => it's
                "tab\\tand\\u0041" => tab	andA
                `raw\\n` => raw\\n
                1 == 1.0 => true
                1 == '1' => false
                'a' != 'b' => true
                nil == nil => true
                [1, 2] == [1, 2] => true
                {a: 1} == {a: 1} => true
                2 < 3 => true
                'abc' < 'abd' => true
                3 >= 3.0 => true
                1 < 2 < 3 => true
                3 > 2 > 2 => false
                true && false => false
                true and true => true
                false || true => true
                false or false => false
                !true => false
                not false => true
                2 in [1, 2] => true
                5 in [1, 2] => false
                5 not in [1, 2] => true
                'a' in {a: 1} => true
                'hello' contains 'ell' => true
                'hello' not contains 'z' => true
                'hello' startsWith 'he' => true
                'hello' endsWith 'lo' => true
                'hello' matches '^h.*o$' => true
                'hello' not matches 'z' => true
                n > 5 ? 'big' : 'small' => big
                n > 50 ? 'big' : 'small' => small
                n > 5 ?: false => true
                nothing ?? 'default' => default
                m.missing ?? 'none' => none
                nothing?.field ?? 'safe' => safe
                m.zzz.yyy ?? 'lenient' => lenient
                m.a => 1
                m['b-c'] => x
                m.inner.k => v
                m?.inner?.k => v
                m.missing == nil => true
                list[0] => 1
                list[-1] => 4
                list[1:3] => [2 3]
                list[:2] => [1 2]
                list[2:] => [3 4]
                list[-2:] => [3 4]
                s[1:3] => el
                s[0] => h
                users[1].name => bob
                1..3 => [1 2 3]
                3..1 => []
                [1, 'a', true, nil, 2.5] => [1 a true <nil> 2.5]
                {b: 2, a: [1]} => map[a:[1] b:2]
                {"quoted key": 1, 2: 'two'} => map[2:two quoted key:1]
                list | filter(# > 2) => [3 4]
                list | map(# * 2) | sum() => 20
                s | upper() => HELLO
                'a,b' | split(',') => [a b]
                let x = 2; x * n => 14
                let x = 1; let y = x + 1; y => 2
                1; 2 => 2
                map(users, .name) => [ann bob]
                map(users, #.age) => [30 20]
                filter(users, .age > 25)[0].name => ann
                map(list, #index) => [0 1 2 3]
                reduce(list, #acc + #) => 10
                reduce(list, #acc + #, 10) => 20
                if n > 5 { 'yes' } else { 'no' } => yes
                // comment
                1 /* inline */ + 1 => 2
                """.replace("// comment\n", ""));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("renders")
    void rendersAsArgoInsertsIt(String source, String expected) {
        assertThat(ExprValues.render(Expr.evaluate(source, ENV))).isEqualTo(expected);
    }

    @Test
    void deepNestingAndABadOctalEscapeAreExpressionErrors() {
        assertThatThrownBy(() -> Expr.evaluate("[".repeat(50_000) + "]".repeat(50_000), Map.of()))
                .isInstanceOf(ExprException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> Expr.evaluate("'\\1e3'", Map.of()))
                .isInstanceOf(ExprException.class).hasMessageContaining("invalid char escape");
    }

    @Test
    void integerArithmeticStaysIntegerAndDivisionIsFloat() {
        assertThat(Expr.evaluate("1 + 2", Map.of())).isEqualTo(3L);
        assertThat(Expr.evaluate("4 / 2", Map.of())).isEqualTo(2.0);
        assertThat(Expr.evaluate("2 ** 2", Map.of())).isEqualTo(4.0);
        assertThat(Expr.evaluate("n", Map.of("n", 3))).isEqualTo(3L);
    }

    static Stream<Arguments> errors() {
        return Table.rows("""
                asInt(x) + => unexpected end of input
                1 + => unexpected end of input
                (1 => unexpected end of input
                1 2 => unexpected token 2 (1:3)
                'abc => literal not terminated (1:1)
                3abc => bad number syntax: "3a" (1:1)
                1 @ 2 => unrecognized character: U+0040 '@' (1:3)
                a ?? b == c => Operator (==) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses. (1:8)
                x => unknown name x
                nothing.field => cannot fetch field from <nil>
                list[10] => index out of range: 10 (array length is 4)
                list['a'] => invalid array index a (type string)
                s + 1 => invalid operation: + (mismatched types string and int)
                1 < 'a' => invalid operation: < (mismatched types int and string)
                1.5 % 2 => invalid operation: % (mismatched types float64 and int)
                7 % 0 => integer divide by zero
                !'a' => invalid operation: ! (mismatched type string)
                1 && true => invalid operation: && (mismatched type int)
                -'a' => invalid operation: - (mismatched type string)
                1 ? 2 : 3 => non-bool expression (type int) used as condition
                'a' contains 1 => invalid operation: contains (mismatched types string and int)
                'a' matches '(' => error parsing regexp: Unclosed group: `(`
                1 in 'abc' => operator "in" not defined on string
                s.x => invalid string index x (type string)
                undefinedFunc(1) => unknown name undefinedFunc
                s() => hello is not callable (type string)
                filter(list, # > 'a') => invalid operation: > (mismatched types int and string)
                filter(list, #) => predicate of filter must return bool, got int
                """);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("errors")
    void reportsErrorsQuotingTheExpression(String source, String reason) {
        assertThatThrownBy(() -> Expr.evaluate(source, ENV))
                .isInstanceOf(ExprException.class)
                .hasMessage("failed to evaluate expression '" + source + "': " + reason);
    }

    @Test
    void compileReportsSyntaxErrorsBeforeEvaluation() {
        assertThatThrownBy(() -> Expr.compile("asInt(x) +"))
                .isInstanceOf(ExprException.class)
                .hasMessage("failed to evaluate expression 'asInt(x) +': unexpected end of input");
        assertThat(Expr.compile("x + 1").source()).isEqualTo("x + 1");
        assertThat(Expr.compile("x + 1")).isSameAs(Expr.compile("x + 1"));
    }

    @Test
    void referencedPathsNameStaticVariablePaths() {
        Expr expr = Expr.compile("let v = 1; steps['flip-coin'].outputs.result == 'x' && asInt(item.n) > retries"
                + " && sprig.trim(inputs.parameters.p) != '' && all(list, # > 0) && v > 0");
        assertThat(expr.referencedPaths()).containsExactly(
                "steps.flip-coin.outputs.result", "item.n", "retries", "inputs.parameters.p", "list");
    }
}
