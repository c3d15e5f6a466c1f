package dev.baton.template.when;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Argo's govaluate {@code when}: token rules, every operator, and the exact error messages. */
class WhenConditionTest {

    private static Stream<Arguments> rows(String table) {
        return Arrays.stream(table.split("\n")).filter(l -> !l.isBlank()).map(l -> {
            int arrow = l.lastIndexOf(" => ");
            return Arguments.of(l.substring(0, arrow), l.substring(arrow + 4));
        });
    }

    static Stream<Arguments> conditions() {
        return rows("""
                heads == heads => true
                heads == tails => false
                Succeeded == Succeeded => true
                tails != heads => true
                "true" == "true" => true
                'a' == "a" => true
                true => true
                false => false
                true == true => true
                5 < 10 => true
                10 < 5 => false
                1 == 1.0 => true
                01 == 1 => true
                0x10 == 16 => true
                .5 == 0.5 => true
                1 == '1' => false
                1 != '1' => true
                "" == "" => true
                "10" > "9" => false
                10 > 9 => true
                3 >= 3 => true
                2 <= 1 => false
                b > a => true
                heads =~ hea => true
                heads =~ '^t' => false
                heads !~ tai => true
                '2021-01-01' < '2022-01-01' => true
                '2021-01-01T00:00:00Z' == '2021-01-01' => true
                '2021-01-01' == 1609459200 => true
                a in (a, b) => true
                c in (a, b) => false
                3 in (1, 2, 3) => true
                3 IN (1, 2) => false
                (1 + 2) * 3 == 9 => true
                1 + 2 * 3 == 7 => true
                1 - 2 - 3 == -4 => true
                12 / 2 / 3 == 2 => true
                2 ** 3 == 8 => true
                7 % 4 == 3 => true
                -1 < 0 => true
                - 2 ** 2 == 4 => true
                !false => true
                !(1 > 2) => true
                !true == false => true
                foo + bar == foobar => true
                1 + 'a' == '1a' => true
                (5 & 3) == 1 => true
                (5 | 3) == 7 => true
                (5 ^ 3) == 6 => true
                (1 << 3) == 8 => true
                (16 >> 2) == 4 => true
                ~0 == -1 => true
                true ? true : false => true
                false ? false : true => true
                1 > 2 ? false : true => true
                () ?? true => true
                true && true || false => true
                false && false || true => true
                false || false => false
                false && x == y => false
                true || x > 1 => true
                a == a && b != c => true
                [escaped name] == 'escaped name' => true
                ((true)) => true
                (true) false => true
                it\\ was == 'it was' => true
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("conditions")
    void evaluates(String when, String expected) {
        assertThat(WhenCondition.evaluate(when)).isEqualTo(Boolean.parseBoolean(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyRuns(String when) {
        assertThat(WhenCondition.evaluate(when)).isTrue();
    }

    static Stream<Arguments> errors() {
        return rows("""
                it was heads == x => Invalid 'when' expression 'it was heads == x': Cannot transition token types from VARIABLE [it] to VARIABLE [was]
                3abc == 3abc => Invalid 'when' expression '3abc == 3abc': Cannot transition token types from NUMERIC [3] to VARIABLE [abc]
                1.2.3 == x => Invalid 'when' expression '1.2.3 == x': Unable to parse numeric value '1.2.3' to float64
                a.b == c => Invalid 'when' expression 'a.b == c': Unable to access unexported field 'b' in token 'a.b'
                foo. == x => Invalid 'when' expression 'foo. == x': Hanging accessor on token 'foo.'
                heads == @tails => Invalid 'when' expression 'heads == @tails': Invalid token: '@' (hint: try wrapping the affected expression in quotes ("))
                a ==-1 => Invalid 'when' expression 'a ==-1': Invalid token: '==-' (hint: try wrapping the affected expression in quotes ("))
                 == foo => Invalid 'when' expression ' == foo': Cannot transition token types from UNKNOWN [<nil>] to COMPARATOR [==]
                heads == => Invalid 'when' expression 'heads ==': Unexpected end of expression
                (a == b => Invalid 'when' expression '(a == b': Unbalanced parenthesis
                'abc == x => Invalid 'when' expression ''abc == x': Unclosed string literal
                [abc == x => Invalid 'when' expression '[abc == x': Unclosed parameter bracket
                foo(1) => Invalid 'when' expression 'foo(1)': Undefined function foo
                1 (2) => Invalid 'when' expression '1 (2)': Cannot transition token types from NUMERIC [1] to CLAUSE [40]
                x =~ '(' => Invalid 'when' expression 'x =~ '('': error parsing regexp: unclosed group: `(`
                !foo => Failed to parse 'when' expression '!foo': Cannot transition token types from PREFIX [!] to STRING [foo]
                -a == b => Failed to parse 'when' expression '-a == b': Cannot transition token types from PREFIX [-] to STRING [a]
                x =~ ( => Invalid 'when' expression 'x =~ (': Unbalanced parenthesis
                my-value == my-value => Failed to evaluate 'when' expression 'my-value == my-value': Value 'my' cannot be used with the modifier '-', it is not a number
                v1.2 == v1.2 => Failed to evaluate 'when' expression 'v1.2 == v1.2': No parameter 'v1' found.
                a && true => Failed to evaluate 'when' expression 'a && true': Value 'a' cannot be used with the logical operator '&&', it is not a bool
                true && 1 => Failed to evaluate 'when' expression 'true && 1': Value '1' cannot be used with the logical operator '&&', it is not a bool
                a > 1 => Failed to evaluate 'when' expression 'a > 1': Value 'a' cannot be used with the comparator '>', it is not a number
                1 ? a : b => Failed to evaluate 'when' expression '1 ? a : b': Value '1' cannot be used with the ternary operator '?', it is not a bool
                a in b => Failed to evaluate 'when' expression 'a in b': Value 'b' cannot be used with the comparator 'in', it is not a number
                1 =~ a => Failed to evaluate 'when' expression '1 =~ a': Value '1' cannot be used with the comparator '=~', it is not a number
                a =~ (b + '(') => Failed to evaluate 'when' expression 'a =~ (b + '(')': Unable to compile regexp pattern 'b(': error parsing regexp: unclosed group: `b(`
                true + 1 == 2 => Failed to evaluate 'when' expression 'true + 1 == 2': Value 'true' cannot be used with the modifier '+', it is not a number
                !1 => Failed to evaluate 'when' expression '!1': Value '1' cannot be used with the prefix '!'
                heads => Expected boolean evaluation for 'heads'. Got heads
                1 + 1 => Expected boolean evaluation for '1 + 1'. Got 2
                a, b => Expected boolean evaluation for 'a, b'. Got [a b]
                false ? true : 3 => Expected boolean evaluation for 'false ? true : 3'. Got 3
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsArgoMessages(String when, String message) {
        assertThatThrownBy(() -> WhenCondition.evaluate(when))
                .isInstanceOf(WhenException.class)
                .hasMessage(message);
    }

    @Test
    void aConditionNestedThousandsDeepIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(50_000) + "true" + ")".repeat(50_000);

        assertThatThrownBy(() -> WhenCondition.evaluate(deep)).isInstanceOf(WhenException.class)
                .hasMessageEndingWith("nested too deeply");
    }

    @Test
    void conformanceConditionsAfterSubstitution() {
        assertThat(WhenCondition.evaluate("true == true")).isTrue();
        assertThat(WhenCondition.evaluate("tails == heads")).isFalse();
        assertThat(WhenCondition.evaluate("heads == heads")).isTrue();
        assertThat(WhenCondition.evaluate("tails =~ hea")).isFalse();
        assertThat(WhenCondition.evaluate("tails =~ tai")).isTrue();
        assertThat(WhenCondition.evaluate("( tails == tails && heads != tails ) || false")).isTrue();
        assertThat(WhenCondition.evaluate("3 < 10")).isTrue();
        assertThat(WhenCondition.evaluate("10 < 10")).isFalse();
        assertThat(WhenCondition.evaluate("even == even")).isTrue();
        assertThat(WhenCondition.evaluate("Failed != Succeeded")).isTrue();
        assertThat(WhenCondition.evaluate("false")).isFalse();
    }
}
