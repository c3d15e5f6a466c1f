package dev.baton.template.expr;

import dev.baton.template.expr.Node.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses expr-lang tokens into a {@link Node} tree, with expr's operator precedence. */
final class Parser {

    private record Op(int precedence, boolean rightAssociative) {
    }

    private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);
    private static final Map<String, Op> BINARY = Map.ofEntries(
            Map.entry("|", new Op(0, false)), Map.entry("or", new Op(10, false)), Map.entry("||", new Op(10, false)),
            Map.entry("and", new Op(15, false)), Map.entry("&&", new Op(15, false)),
            Map.entry("==", new Op(20, false)), Map.entry("!=", new Op(20, false)), Map.entry("<", new Op(20, false)),
            Map.entry(">", new Op(20, false)), Map.entry(">=", new Op(20, false)), Map.entry("<=", new Op(20, false)),
            Map.entry("in", new Op(20, false)), Map.entry("matches", new Op(20, false)),
            Map.entry("contains", new Op(20, false)), Map.entry("startsWith", new Op(20, false)),
            Map.entry("endsWith", new Op(20, false)), Map.entry("..", new Op(25, false)),
            Map.entry("+", new Op(30, false)), Map.entry("-", new Op(30, false)), Map.entry("*", new Op(60, false)),
            Map.entry("/", new Op(60, false)), Map.entry("%", new Op(60, false)), Map.entry("**", new Op(100, true)),
            Map.entry("^", new Op(100, true)), Map.entry("??", new Op(500, false)));
    private static final Set<String> NEGATABLE = Set.of("contains", "matches", "startsWith", "endsWith", "in");
    private static final Set<String> COMPARISONS = Set.of("<", ">", "<=", ">=");

    private final String src;
    private final List<Token> tokens;
    private int index;
    private int closureDepth;

    private Parser(String src) {
        this.src = src;
        this.tokens = Lexer.tokenize(src);
    }

    static Node parse(String src) {
        Parser p = new Parser(src);
        Node node = p.sequence();
        if (!p.current().is(Token.Kind.EOF)) {
            throw p.unexpected();
        }
        return node;
    }

    private Token current() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    private EvalError unexpected() {
        Token t = current();
        if (t.is(Token.Kind.EOF)) {
            return new EvalError("unexpected end of input");
        }
        return new EvalError("unexpected token " + t.describe() + " (" + SourcePosition.of(src, t.position()) + ")");
    }

    private void expect(Token.Kind kind, String value) {
        if (!current().is(kind, value)) {
            throw unexpected();
        }
        next();
    }

    private Node sequence() {
        List<Node> nodes = new ArrayList<>(List.of(expression(0)));
        while (current().isOperator(";")) {
            next();
            if (current().is(Token.Kind.EOF) || current().isBracket("}") || current().isBracket(")")) {
                break;
            }
            nodes.add(expression(0));
        }
        return nodes.size() == 1 ? nodes.get(0) : new Sequence(List.copyOf(nodes));
    }

    private Node expression(int precedence) {
        if (precedence == 0 && current().isOperator("let")) {
            return let();
        }
        if (precedence == 0 && current().isOperator("if")) {
            return ifElse();
        }
        Node left = primary();
        String previous = "";
        while (current().is(Token.Kind.OPERATOR)) {
            Token opToken = current();
            boolean negate = false;
            if (opToken.value().equals("not")) {
                Token following = tokens.get(index + 1);
                if (!NEGATABLE.contains(following.value()) || BINARY.get(following.value()).precedence() < precedence) {
                    break;
                }
                next();
                opToken = current();
                negate = true;
            }
            Op op = BINARY.get(opToken.value());
            if (op == null || op.precedence() < precedence) {
                break;
            }
            next();
            if (opToken.value().equals("|")) {
                Token name = current();
                expect(Token.Kind.IDENTIFIER, name.value());
                left = call(name.value(), new ArrayList<>(List.of(left)));
                previous = "|";
                continue;
            }
            if (previous.equals("??") && !opToken.value().equals("??")) {
                throw new EvalError("Operator (" + opToken.value() + ") and coalesce expressions (??) cannot be mixed."
                        + " Wrap either by parentheses. (" + SourcePosition.of(src, opToken.position()) + ")");
            }
            if (COMPARISONS.contains(opToken.value())) {
                left = comparison(left, opToken.value(), op.precedence());
            } else {
                Node right = expression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
                left = new Binary(opToken.value(), left, right);
            }
            if (negate) {
                left = new Unary("not", left);
            }
            previous = opToken.value();
        }
        return precedence == 0 ? conditional(left) : left;
    }

    private Node comparison(Node left, String operator, int precedence) {
        Node root = null;
        while (true) {
            Node right = expression(precedence + 1);
            Node cmp = new Binary(operator, left, right);
            root = root == null ? cmp : new Binary("&&", root, cmp);
            left = right;
            if (!current().is(Token.Kind.OPERATOR) || !COMPARISONS.contains(current().value())) {
                return root;
            }
            operator = next().value();
        }
    }

    private Node conditional(Node node) {
        while (current().isOperator("?")) {
            next();
            Node whenTrue;
            if (current().isOperator(":")) {
                whenTrue = node;
            } else {
                whenTrue = expression(0);
            }
            expect(Token.Kind.OPERATOR, ":");
            node = new Conditional(node, whenTrue, expression(0));
        }
        return node;
    }

    private Node let() {
        next();
        Token name = current();
        expect(Token.Kind.IDENTIFIER, name.value());
        expect(Token.Kind.OPERATOR, "=");
        Node value = expression(0);
        expect(Token.Kind.OPERATOR, ";");
        return new Let(name.value(), value, sequence());
    }

    private Node ifElse() {
        next();
        Node condition = expression(0);
        expect(Token.Kind.BRACKET, "{");
        Node whenTrue = sequence();
        expect(Token.Kind.BRACKET, "}");
        expect(Token.Kind.OPERATOR, "else");
        Node whenFalse;
        if (current().isOperator("if")) {
            whenFalse = ifElse();
        } else {
            expect(Token.Kind.BRACKET, "{");
            whenFalse = sequence();
            expect(Token.Kind.BRACKET, "}");
        }
        return new Conditional(condition, whenTrue, whenFalse);
    }

    private Node primary() {
        Token token = current();
        if (token.is(Token.Kind.OPERATOR) && UNARY.containsKey(token.value())) {
            next();
            Node operand = expression(UNARY.get(token.value()));
            return postfix(new Unary(token.value(), operand));
        }
        if (token.isBracket("(")) {
            next();
            Node inner = sequence();
            expect(Token.Kind.BRACKET, ")");
            return postfix(inner);
        }
        if (closureDepth > 0 && (token.isOperator("#") || token.isOperator("."))) {
            String name = "";
            if (token.isOperator("#")) {
                next();
                Token after = current();
                if (after.is(Token.Kind.IDENTIFIER) && after.position() == token.position() + 1) {
                    name = next().value();
                }
            }
            return postfix(new Pointer(name));
        }
        return postfix(secondary());
    }

    private Node secondary() {
        Token token = next();
        return switch (token.kind()) {
            case IDENTIFIER -> switch (token.value()) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "nil" -> new Literal(null);
                default -> current().isBracket("(") ? call(token.value(), new ArrayList<>()) : new Identifier(token.value());
            };
            case NUMBER -> new Literal(NumberLiteral.parse(token.value(), src, token.position()));
            case STRING -> new Literal(token.value());
            case BRACKET -> switch (token.value()) {
                case "[" -> array();
                case "{" -> map();
                default -> {
                    index--;
                    throw unexpected();
                }
            };
            default -> {
                if (token.is(Token.Kind.EOF)) {
                    throw new EvalError("unexpected end of input");
                }
                index--;
                throw unexpected();
            }
        };
    }

    private Node call(String name, List<Node> arguments) {
        ClosureArguments shape = ClosureArguments.of(name);
        if (shape != null) {
            expect(Token.Kind.BRACKET, "(");
            List<ClosureArguments.Kind> expected = shape.kinds().subList(Math.min(arguments.size(), shape.kinds().size()),
                    shape.kinds().size());
            for (int i = 0; i < expected.size(); i++) {
                ClosureArguments.Kind kind = expected.get(i);
                if (current().isBracket(")")) {
                    if (kind.optional()) {
                        break;
                    }
                    throw new EvalError("expected at least " + expected.size() + " arguments");
                }
                if (i > 0) {
                    expect(Token.Kind.OPERATOR, ",");
                }
                arguments.add(kind.closure() ? closure() : expression(0));
            }
            if (current().isOperator(",")) {
                next();
            }
            expect(Token.Kind.BRACKET, ")");
            return new Builtin(name, List.copyOf(arguments));
        }
        List<Node> args = arguments(arguments);
        return Builtins.isBuiltin(name) ? new Builtin(name, args) : new Call(new Identifier(name), args);
    }

    private Node closure() {
        boolean braces = current().isBracket("{");
        if (braces) {
            next();
        }
        closureDepth++;
        Node body = braces ? sequence() : expression(0);
        closureDepth--;
        if (braces) {
            expect(Token.Kind.BRACKET, "}");
        }
        return new Predicate(body);
    }

    private List<Node> arguments(List<Node> arguments) {
        List<Node> args = new ArrayList<>(arguments);
        int offset = args.size();
        expect(Token.Kind.BRACKET, "(");
        while (!current().isBracket(")")) {
            if (args.size() > offset) {
                expect(Token.Kind.OPERATOR, ",");
                if (current().isBracket(")")) {
                    break;
                }
            }
            args.add(expression(0));
        }
        expect(Token.Kind.BRACKET, ")");
        return List.copyOf(args);
    }

    private Node array() {
        List<Node> elements = new ArrayList<>();
        while (!current().isBracket("]")) {
            if (!elements.isEmpty()) {
                expect(Token.Kind.OPERATOR, ",");
                if (current().isBracket("]")) {
                    break;
                }
            }
            elements.add(expression(0));
        }
        expect(Token.Kind.BRACKET, "]");
        return new ArrayLiteral(List.copyOf(elements));
    }

    private Node map() {
        List<Pair> pairs = new ArrayList<>();
        while (!current().isBracket("}")) {
            if (!pairs.isEmpty()) {
                expect(Token.Kind.OPERATOR, ",");
                if (current().isBracket("}")) {
                    break;
                }
            }
            Token key = current();
            Node keyNode;
            if (key.is(Token.Kind.NUMBER) || key.is(Token.Kind.STRING) || key.is(Token.Kind.IDENTIFIER)
                    || (key.is(Token.Kind.OPERATOR) && Character.isLetter(key.value().charAt(0)))) {
                next();
                keyNode = new Literal(key.value());
            } else if (key.isBracket("(")) {
                keyNode = expression(0);
            } else {
                throw new EvalError("a map key must be a quoted string, a number, a identifier, or an expression"
                        + " enclosed in parentheses (unexpected token " + key.describe() + ")");
            }
            expect(Token.Kind.OPERATOR, ":");
            pairs.add(new Pair(keyNode, expression(0)));
        }
        expect(Token.Kind.BRACKET, "}");
        return new MapLiteral(List.copyOf(pairs));
    }

    private Node postfix(Node node) {
        while (true) {
            Token t = current();
            if (t.isOperator(".") || t.isOperator("?.")) {
                boolean optional = t.isOperator("?.");
                next();
                if (optional && current().isBracket("[")) {
                    next();
                    Node property = expression(0);
                    expect(Token.Kind.BRACKET, "]");
                    node = new Chain(new Member(unchain(node), property, true));
                    continue;
                }
                Token name = next();
                if (!name.is(Token.Kind.IDENTIFIER) && !(name.is(Token.Kind.OPERATOR) && Character.isLetter(name.value().charAt(0)))) {
                    throw new EvalError("expected name (" + SourcePosition.of(src, name.position()) + ")");
                }
                boolean chained = node instanceof Chain;
                Node member = new Member(unchain(node), new Literal(name.value()), optional);
                if (current().isBracket("(")) {
                    member = new Call(member, arguments(List.of()));
                }
                node = chained || optional ? new Chain(member) : member;
            } else if (t.isBracket("[")) {
                next();
                node = indexOrSlice(node);
            } else {
                return node;
            }
        }
    }

    private Node indexOrSlice(Node node) {
        Node from = null;
        if (!current().isOperator(":")) {
            from = expression(0);
            if (!current().isOperator(":")) {
                expect(Token.Kind.BRACKET, "]");
                boolean chained = node instanceof Chain;
                Node member = new Member(unchain(node), from, false);
                return chained ? new Chain(member) : member;
            }
        }
        next();
        Node to = current().isBracket("]") ? null : expression(0);
        expect(Token.Kind.BRACKET, "]");
        return new Slice(node, from, to);
    }

    private static Node unchain(Node node) {
        return node instanceof Chain chain ? chain.inner() : node;
    }
}
