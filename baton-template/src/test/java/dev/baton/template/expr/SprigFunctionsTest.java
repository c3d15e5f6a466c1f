package dev.baton.template.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sprig functions Argo exposes as sprig.name, with sprig's argument order and zero-value results. */
class SprigFunctionsTest {

    static Stream<Arguments> results() {
        return Table.rows("""
                sprig.trim('  x ') => x
                sprig.trimAll('$', '$5.00$') => 5.00
                sprig.trimPrefix('v', 'v1.2') => 1.2
                sprig.trimSuffix('.git', 'repo.git') => repo
                sprig.upper('abc') => ABC
                sprig.lower('ABC') => abc
                sprig.title('hello wide world') => Hello Wide World
                sprig.untitle('Hello World') => hello world
                sprig.b64enc('hello') => aGVsbG8=
                sprig.b64dec('aGVsbG8=') => hello
                sprig.add(1, 2, 3) => 6
                sprig.add(34.0, '5', 1.9) => 40
                sprig.add1(1) => 2
                sprig.sub(10, 3) => 7
                sprig.mul(2, 3, 4) => 24
                sprig.div(7, 2) => 3
                sprig.mod(7, 3) => 1
                sprig.max(1, 9, 3) => 9
                sprig.min(4, 2, 8) => 2
                sprig.floor(1.7) => 1
                sprig.ceil(1.2) => 2
                sprig.round(3.14159, 2) => 3.14
                sprig.addf(1.1, 2.2) => 3.3
                sprig.int('12') => 12
                sprig.int('abc') => 0
                sprig.int64(3.9) => 3
                sprig.float64('2.5') => 2.5
                sprig.float64('x') => 0
                sprig.atoi('42') => 42
                sprig.atoi('4x') => 0
                sprig.toString(12) => 12
                sprig.toJson({b: 1, a: 'x'}) => {"a":"x","b":1}
                sprig.toPrettyJson([1]) => [\\n  1\\n]
                sprig.toRawJson('<a>') => "<a>"
                sprig.fromJson('{"a": 1}').a => 1
                sprig.fromJson('nope') ?? 'nil' => nil
                sprig.quote('a', 1, nil) => "a" "1"
                sprig.quote('say "hi"') => "say \\"hi\\""
                sprig.squote('a') => 'a'
                sprig.cat('a', 1, nil, 'b') => a 1 b
                sprig.replace(' ', '-', 'a b c') => a-b-c
                sprig.contains('ell', 'hello') => true
                sprig.hasPrefix('he', 'hello') => true
                sprig.hasSuffix('lo', 'hello') => true
                sprig.repeat(3, 'ab') => ababab
                sprig.substr(1, 3, 'hello') => el
                sprig.substr(-1, 2, 'hello') => he
                sprig.substr(2, 99, 'hello') => llo
                sprig.trunc(3, 'hello') => hel
                sprig.trunc(-2, 'hello') => lo
                sprig.abbrev(5, 'hello world') => he...
                sprig.abbrev(3, 'hello world') => hello world
                sprig.nospace('a b\\tc') => abc
                sprig.indent(2, 'a\\nb') =>   a\\n  b
                sprig.nindent(2, 'a') => \\n  a
                sprig.split('$', 'a$b') => map[_0:a _1:b]
                sprig.splitList(',', 'a,b') => [a b]
                sprig.splitn('$', 2, 'a$b$c') => map[_0:a _1:b$c]
                sprig.join('-', ['a', 1]) => a-1
                sprig.list(1, 'a') => [1 a]
                sprig.dict('a', 1, 'b') => map[a:1 b:]
                sprig.get({a: 1}, 'a') => 1
                sprig.get({a: 1}, 'z') =>
                sprig.hasKey({a: 1}, 'a') => true
                sprig.keys({a: 1}) => [a]
                sprig.values({a: 1}) => [1]
                sprig.pluck('a', {a: 1}, {b: 2}, {a: 3}) => [1 3]
                sprig.pick({a: 1, b: 2}, 'a') => map[a:1]
                sprig.omit({a: 1, b: 2}, 'a') => map[b:2]
                sprig.set({a: 1}, 'b', 2) => map[a:1 b:2]
                sprig.unset({a: 1, b: 2}, 'a') => map[b:2]
                sprig.default('d', '') => d
                sprig.default('d', 'x') => x
                sprig.default('d', 0) => d
                sprig.empty('') => true
                sprig.empty([]) => true
                sprig.empty(1) => false
                sprig.coalesce('', nil, 'z') => z
                sprig.ternary('yes', 'no', true) => yes
                sprig.ternary('yes', 'no', false) => no
                sprig.all(1, 'a') => true
                sprig.any('', 0) => false
                sprig.first([7, 8]) => 7
                sprig.last([7, 8]) => 8
                sprig.rest([1, 2, 3]) => [2 3]
                sprig.initial([1, 2, 3]) => [1 2]
                sprig.append([1], 2) => [1 2]
                sprig.prepend([1], 0) => [0 1]
                sprig.concat([1], [2]) => [1 2]
                sprig.reverse([1, 2]) => [2 1]
                sprig.uniq([1, 1, 2]) => [1 2]
                sprig.without([1, 2, 3], 2) => [1 3]
                sprig.has(2, [1, 2]) => true
                sprig.compact(['a', '', 0, 'b']) => [a b]
                sprig.slice([1, 2, 3], 1) => [2 3]
                sprig.sortAlpha(['b', 'a', 10]) => [10 a b]
                sprig.seq(3) => 1 2 3
                sprig.seq(2, 4) => 2 3 4
                sprig.seq(5, -2, 1) => 5 3 1
                sprig.until(3) => [0 1 2]
                sprig.untilStep(0, 10, 4) => [0 4 8]
                sprig.regexMatch('^[a-z]+$', 'abc') => true
                sprig.regexMatch('(', 'abc') => false
                sprig.regexFind('[0-9]+', 'ab12cd34') => 12
                sprig.regexFindAll('[0-9]+', 'ab12cd34', -1) => [12 34]
                sprig.regexReplaceAll('a(x*)b', '-ab-axxb-', '${1}W') => -W-xxW-
                sprig.regexReplaceAll('(?P<first>[a-z]+) (?P<last>[a-z]+)', 'john smith', '$last, $first') => smith, john
                sprig.regexReplaceAllLiteral('a(x*)b', '-ab-', '$1') => -$1-
                sprig.regexSplit('z+', 'pizza', -1) => [pi a]
                sprig.sha256sum('hello world') => b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9
                sprig.sha1sum('abc') => a9993e364706816aba3e25717850c26c9cd0d89d
                sprig.adler32sum('abc') => 38600999
                sprig.snakecase('FirstName') => first_name
                sprig.snakecase('HTTPServer') => http_server
                sprig.kebabcase('FirstName') => first-name
                sprig.camelcase('http_server') => HttpServer
                len(sprig.uuidv4()) => 36
                len(sprig.randAlphaNum(8)) => 8
                sprig.date('2006-01-02', 0) => 1970-01-01
                sprig.dateInZone('2006-01-02 15:04 MST', 1700000000, 'UTC') => 2023-11-14 22:13 UTC
                sprig.date('2006', 'not a time') == string(now().Year()) => true
                sprig.unixEpoch(sprig.toDate('2006-01-02', '2024-01-02')) > '0' => true
                sprig.toDate('2006-01-02', 'garbage').Year() => 1
                sprig.duration(95) => 1m35s
                sprig.typeOf(1.5) => float64
                sprig.kindOf([1]) => slice
                sprig.kindIs('map', {}) => true
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("results")
    void evaluates(String source, String expected) {
        assertThat(ExprValues.render(Expr.evaluate(source, Map.of()))).isEqualTo(expected.replace("\\n", "\n").replace("\\t", "\t"));
    }

    static Stream<Arguments> failures() {
        return Table.rows("""
                sprig.nothing(1) => unknown sprig function nothing
                sprig.trim(1) => sprig.trim: argument 1 must be a string, got int
                sprig.repeat('a', 'b') => sprig.repeat: argument 1 must be an int, got string
                sprig.div(1, 0) => runtime error: integer divide by zero
                sprig.first(1) => sprig.first: cannot use int as a list
                sprig.get([1], 'a') => sprig.get: cannot use []interface {} as a dict
                sprig.sub(1) => sprig.sub: not enough arguments (got 1)
                """);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("failures")
    void reportsWhatGoWouldRejectOrPanicOn(String source, String reason) {
        assertThatThrownBy(() -> Expr.evaluate(source, Map.of()))
                .isInstanceOf(ExprException.class)
                .hasMessage("failed to evaluate expression '" + source + "': " + reason);
    }
}
