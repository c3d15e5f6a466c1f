package dev.baton.template.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** expr-lang's built-in functions and Argo's additions. */
class ExprBuiltinsTest {

    private static final Map<String, Object> ENV = Map.of(
            "list", List.of(3, 1, 2),
            "words", List.of("b", "a", "c"),
            "people", List.of(Map.of("name", "ann", "team", "x", "age", 30), Map.of("name", "bob", "team", "y", "age", 20),
                    Map.of("name", "cid", "team", "x", "age", 40)),
            "m", Map.of("k", "v"),
            "json", "{\"a\": {\"b\": [1, 2]}, \"s\": \"x\"}");

    static Stream<Arguments> results() {
        return Table.rows("""
                len([1, 2]) => 2
                len('héllo') => 5
                len({a: 1}) => 1
                type(1) => int
                type(1.5) => float
                type('s') => string
                type(nil) => nil
                type([1]) => array
                type({}) => map
                type(true) => bool
                abs(-3) => 3
                abs(-2.5) => 2.5
                ceil(1.2) => 2
                floor(1.8) => 1
                round(2.5) => 3
                round(-2.5) => -3
                int(3.9) => 3
                int('42') => 42
                asInt('3') => 3
                float(2) => 2
                float('2.5') => 2.5
                asFloat('1e3') => 1000
                string(12) => 12
                string([1, 'a']) => [1 a]
                trim('  x  ') => x
                trim('xxhixx', 'x') => hi
                trimPrefix('prefix-x', 'prefix-') => x
                trimSuffix('x.txt', '.txt') => x
                upper('abc') => ABC
                lower('ABC') => abc
                split('a,b,c', ',') => [a b c]
                split('a,b,c', ',', 2) => [a b,c]
                splitAfter('a,b', ',') => [a, b]
                replace('aaa', 'a', 'b') => bbb
                replace('aaa', 'a', 'b', 2) => bba
                repeat('ab', 3) => ababab
                indexOf('hello', 'l') => 2
                lastIndexOf('hello', 'l') => 3
                indexOf('hello', 'z') => -1
                hasPrefix('hello', 'he') => true
                hasSuffix('hello', 'lo') => true
                join(words) => bac
                join(words, '-') => b-a-c
                max(1, 5, 3) => 5
                max(list) => 3
                min(1.5, 0.5) => 0.5
                min(list) => 1
                sum(list) => 6
                sum([1, 2.5]) => 3.5
                sum(people, .age) => 90
                mean([1, 2, 3, 4]) => 2.5
                median([3, 1, 2]) => 2
                median([4, 1, 2, 3]) => 2.5
                toJSON({b: 1, a: [1, 2]}) => {\\n  "a": [\\n    1,\\n    2\\n  ],\\n  "b": 1\\n}
                toJson({b: 1, a: [1, 'x<y']}) => {"a":[1,"x\\u003cy"],"b":1}
                fromJSON('{"a": [1, 2.5]}').a => [1 2.5]
                type(fromJSON('3')) => float
                toBase64('hello') => aGVsbG8=
                fromBase64('aGVsbG8=') => hello
                first(list) => 3
                first([]) ?? 'none' => none
                last(list) => 2
                get(m, 'k') => v
                get(m, 'zz') ?? 'nil' => nil
                get(list, 5) ?? 'nil' => nil
                get(list, -1) => 2
                take(list, 2) => [3 1]
                keys(m) => [k]
                values(m) => [v]
                toPairs({a: 1}) => [[a 1]]
                fromPairs([['a', 1], ['b', 2]]) => map[a:1 b:2]
                reverse(list) => [2 1 3]
                uniq([1, 2, 1, 'a', 'a']) => [1 2 a]
                concat([1], [2, 3], []) => [1 2 3]
                flatten([1, [2, [3, 4]]]) => [1 2 3 4]
                sort(list) => [1 2 3]
                sort(words, 'desc') => [c b a]
                sortBy(people, .age) => [map[age:20 name:bob team:y] map[age:30 name:ann team:x] map[age:40 name:cid team:x]]
                map(sortBy(people, .name, 'desc'), .name) => [cid bob ann]
                all(list, # > 0) => true
                all(list, # > 1) => false
                any(list, # > 2) => true
                none(list, # > 5) => true
                one(list, # > 2) => true
                count(list, # > 1) => 2
                count([true, false, true]) => 2
                filter(list, # % 2 == 1) => [3 1]
                map(list, # * 10) => [30 10 20]
                find(people, .age > 25).name => ann
                find(list, # > 10) ?? 'none' => none
                findIndex(list, # == 2) => 2
                findIndex(list, # == 9) => -1
                findLast(people, .team == 'x').name => cid
                findLastIndex(list, # < 3) => 2
                map(groupBy(people, .team).x, .name) => [ann cid]
                reduce(words, #acc + #, '') => bac
                duration('1h30m') => 1h30m0s
                duration('1500ms').Seconds() => 1.5
                date('2024-02-03').Year() => 2024
                date('2024-02-03 04:05:06').Format('Jan 2, 2006 at 15:04') => Feb 3, 2024 at 04:05
                date('03/02/2024', '02/01/2006').Month() => 2
                date('2024-02-03T10:00:00Z') - date('2024-02-03T09:30:00Z') => 30m0s
                date('2024-02-03T10:00:00+01:00') => 2024-02-03 10:00:00 +0100 +0100
                date('2024-02-03', '2006-01-02', 'Europe/Paris').Format(RFC) => 2024-02-03T00:00:00+01:00
                now().Year() > 2000 => true
                now() - duration('1h') < now() => true
                jsonpath(json, '$.a.b[1]') => 2
                jsonpath(json, '$.s') => x
                toJson(jsonpath(json, '$.a')) => {"b":[1,2]}
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("results")
    void evaluates(String source, String expected) {
        Map<String, Object> env = new java.util.HashMap<>(ENV);
        env.put("RFC", GoTime.RFC3339);
        assertThat(ExprValues.render(Expr.evaluate(source, env))).isEqualTo(expected.replace("\\n", "\n"));
    }

    static Stream<Arguments> failures() {
        return Table.rows("""
                len(1) => invalid argument for len (type int)
                abs('a') => invalid argument for abs (type string)
                int('3.0') => invalid operation: int(3.0)
                asInt('x') => invalid operation: int(x)
                float('abc') => invalid operation: float(abc)
                float('1d') => invalid operation: float(1d)
                trim(1) => invalid argument for trim (expected string, got int)
                split('a') => invalid number of arguments for split (expected 2 or 3, got 1)
                repeat('a', -1) => invalid argument for repeat (expected positive integer, got -1)
                join([1]) => invalid argument for join (expected string, got int)
                max() => not enough arguments to call max
                max('a') => invalid argument for max (type string)
                fromJSON('{') => unexpected end of JSON input
                fromJSON('[1,]') => invalid character ']' looking for beginning of value
                fromBase64('!!') => illegal base64 data: Illegal base64 character 21
                duration('5 apples') => time: unknown unit " apples" in duration "5 apples"
                duration('') => time: invalid duration ""
                date('not a date') => invalid date not a date
                date('x', '2006', 'Mars/Base') => unknown time zone Mars/Base
                reduce([], #acc) => reduce of empty array with no initial value
                sort([1], 'up') => unknown order up for sort, use asc or desc
                first(1) => invalid argument for first (type int)
                keys([1]) => invalid argument for keys (type []interface {})
                jsonpath('{}', '$.a') => jsonpath: key 'a' not found
                jsonpath('{', '$.a') => unexpected end of JSON input
                jsonpath('{}', 'a') => jsonpath: invalid path 'a': must start with '$'
                now().Bogus() => type time.Time has no method Bogus
                """);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("failures")
    void reportsBadArguments(String source, String reason) {
        assertThatThrownBy(() -> Expr.evaluate(source, ENV))
                .isInstanceOf(ExprException.class)
                .hasMessage("failed to evaluate expression '" + source + "': " + reason);
    }

    @Test
    void nowIsATime() {
        assertThat(Expr.evaluate("now()", Map.of())).isInstanceOf(ZonedDateTime.class);
    }
}
