package dev.baton.template.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** jsonpath(json, path) as Argo's expressions use it. */
class JsonPathTest {

    private static final String STORE = """
            {"store": {"book": [
              {"title": "A", "price": 8.95, "tags": ["x"]},
              {"title": "B", "price": 12.99, "isbn": "1"},
              {"title": "C", "price": 22.99, "isbn": "2"}],
             "bicycle": {"color": "red", "price": 19.95}},
             "a-b": 1, "list": [1, 2, 3, 4, 5]}""";

    static Stream<Arguments> queries() {
        return Table.rows("""
                $.store.bicycle.color => red
                $.store.book[0].title => A
                $.store.book[-1].title => C
                $['a-b'] => 1
                $["store"]['bicycle'].price => 19.95
                $.store.book[*].title => [A B C]
                $.store.book.length => 3
                $..price => [8.95 12.99 22.99 19.95]
                $..isbn => [1 2]
                $.store.book[?(@.price > 10)].title => [B C]
                $.store.book[?(@.price < 10 || @.title == 'C')].title => [A C]
                $.store.book[?(@.isbn)].title => [B C]
                $.store.book[?(!@.isbn)].title => [A]
                $.store.book[?(@.title =~ /^[AB]$/)].title => [A B]
                $.store.book[?(@.title != 'A' && @.price >= 22.99)].title => [C]
                $.list[1:3] => [2 3]
                $.list[:2] => [1 2]
                $.list[-2:] => [4 5]
                $.list[::2] => [1 3 5]
                $.list[0,2] => [1 3]
                $.store.book[0]['title','price'] => [A 8.95]
                $.store.bicycle.* => [red 19.95]
                $ => map[a-b:1 list:[1 2 3 4 5] store:map[bicycle:map[color:red price:19.95] book:[map[price:8.95 tags:[x] title:A] map[isbn:1 price:12.99 title:B] map[isbn:2 price:22.99 title:C]]]]
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("queries")
    void queries(String path, String expected) {
        assertThat(ExprValues.render(Expr.evaluate("jsonpath(doc, path)", Map.of("doc", STORE, "path", path))))
                .isEqualTo(expected);
    }

    static Stream<Arguments> failures() {
        return Table.rows("""
                $.missing => jsonpath: key 'missing' not found
                $.list[9] => jsonpath: index [9] out of range
                $.list[x] => jsonpath: invalid subscript 'x' in '$.list[x]'
                $.list[0 => jsonpath: unclosed '[' in '$.list[0'
                $. => jsonpath: invalid path '$.': empty key
                """);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("failures")
    void rejects(String path, String reason) {
        assertThatThrownBy(() -> Expr.evaluate("jsonpath(doc, path)", Map.of("doc", STORE, "path", path)))
                .isInstanceOf(ExprException.class)
                .hasMessage("failed to evaluate expression 'jsonpath(doc, path)': " + reason);
    }
}
