package dev.baton.template.expr;

import java.util.List;

/** The syntax tree of an expr-lang expression. */
sealed interface Node {

    /** nil, true/false, an int (Long), a float (Double) or a string. */
    record Literal(Object value) implements Node {
    }

    record Identifier(String name) implements Node {
    }

    /** {@code #}, {@code #index}, {@code #acc} or the implicit element of {@code .field} inside a closure. */
    record Pointer(String name) implements Node {
    }

    record Member(Node object, Node property, boolean optional) implements Node {
    }

    record Slice(Node object, Node from, Node to) implements Node {
    }

    /** Marks the extent of an optional chain: a nil reached through {@code ?.} makes the whole chain nil. */
    record Chain(Node inner) implements Node {
    }

    record Call(Node callee, List<Node> arguments) implements Node {
    }

    record Builtin(String name, List<Node> arguments) implements Node {
    }

    /** A closure argument of a built-in such as {@code filter(list, {# > 1})}. */
    record Predicate(Node body) implements Node {
    }

    record Unary(String operator, Node operand) implements Node {
    }

    record Binary(String operator, Node left, Node right) implements Node {
    }

    record Conditional(Node condition, Node whenTrue, Node whenFalse) implements Node {
    }

    record ArrayLiteral(List<Node> elements) implements Node {
    }

    record MapLiteral(List<Pair> pairs) implements Node {
    }

    record Pair(Node key, Node value) {
    }

    record Let(String name, Node value, Node body) implements Node {
    }

    record Sequence(List<Node> nodes) implements Node {
    }
}
