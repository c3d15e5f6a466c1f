package dev.baton.template.depends;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A DAG task's {@code depends} logic: task names, optionally with a result such as {@code .Failed},
 * combined with {@code &&}, {@code ||}, {@code !} and parentheses.
 */
public final class DependsExpression {
    /** The results a task operand may name. */
    public static final List<String> RESULTS = List.of("Succeeded", "Failed", "Errored", "Skipped", "Omitted",
            "Daemoned", "AnySucceeded", "AllFailed");

    private final String source;
    private final Term root;

    private DependsExpression(String source, Term root) {
        this.source = source;
        this.root = root;
    }

    /** A node of the parsed expression. */
    public sealed interface Term {
    }

    /** {@code task} or {@code task.Result}; a null result means the bare task name. */
    public record Operand(String task, String result) implements Term {
    }

    /** {@code !term}. */
    public record Not(Term term) implements Term {
    }

    /** {@code a && b && …}: flat, so a task depending on thousands of others needs no deep recursion. */
    public record And(List<Term> terms) implements Term {
    }

    /** {@code a || b || …}. */
    public record Or(List<Term> terms) implements Term {
    }

    /**
     * Parses {@code depends}; throws {@link IllegalArgumentException} whose message says what is wrong
     * (e.g. "expected a task name at the end", "missing ')'").
     */
    public static DependsExpression parse(String source) {
        List<String> tokens = tokens(source == null ? "" : source);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        Parser parser = new Parser(tokens);
        Term term = parser.or();
        if (parser.next < tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(parser.next) + "'"
                    + (parser.next > 0 ? " after '" + tokens.get(parser.next - 1) + "'" : "")
                    + ": join operands with && or ||");
        }
        return new DependsExpression(source, term);
    }

    /** {@code dependencies: [A, B]} is {@code depends: "A && B"}. */
    public static DependsExpression allOf(List<String> tasks) {
        List<Term> operands = new ArrayList<>();
        for (String task : tasks) {
            operands.add(new Operand(task, null));
        }
        Term term = operands.isEmpty() ? null : operands.size() == 1 ? operands.getFirst() : new And(operands);
        return new DependsExpression(String.join(" && ", tasks), term);
    }

    public String source() {
        return source;
    }

    public Term root() {
        return root;
    }

    /** The task names the expression mentions, in order of appearance. */
    public Set<String> tasks() {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return names;
    }

    /** The operands, in order of appearance. */
    public List<Operand> operands() {
        List<Operand> operands = new ArrayList<>();
        collectOperands(root, operands);
        return operands;
    }

    /** Evaluates with {@code holds(task, result)} answering each operand (result null for a bare name). */
    public boolean evaluate(BiPredicate<String, String> holds) {
        return evaluate(root, holds);
    }

    private static boolean evaluate(Term term, BiPredicate<String, String> holds) {
        return switch (term) {
            case null -> true;
            case Operand o -> holds.test(o.task(), o.result());
            case Not n -> !evaluate(n.term(), holds);
            case And a -> a.terms().stream().allMatch(t -> evaluate(t, holds));
            case Or o -> o.terms().stream().anyMatch(t -> evaluate(t, holds));
        };
    }

    private static void collect(Term term, Set<String> names) {
        List<Operand> operands = new ArrayList<>();
        collectOperands(term, operands);
        operands.forEach(o -> names.add(o.task()));
    }

    private static void collectOperands(Term term, List<Operand> out) {
        switch (term) {
            case null -> {
            }
            case Operand o -> out.add(o);
            case Not n -> collectOperands(n.term(), out);
            case And a -> a.terms().forEach(t -> collectOperands(t, out));
            case Or o -> o.terms().forEach(t -> collectOperands(t, out));
        }
    }

    /** Recursive-descent parser over the tokens. */
    private static final class Parser {
        private final List<String> tokens;
        private int next;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Term or() {
            List<Term> terms = new ArrayList<>(List.of(and()));
            while (peekIs("||")) {
                next++;
                terms.add(and());
            }
            return terms.size() == 1 ? terms.getFirst() : new Or(terms);
        }

        Term and() {
            List<Term> terms = new ArrayList<>(List.of(unary()));
            while (peekIs("&&")) {
                next++;
                terms.add(unary());
            }
            return terms.size() == 1 ? terms.getFirst() : new And(terms);
        }

        Term unary() {
            if (peekIs("!")) {
                next++;
                return new Not(unary());
            }
            if (peekIs("(")) {
                next++;
                Term inner = or();
                if (!peekIs(")")) {
                    throw new IllegalArgumentException("missing ')'");
                }
                next++;
                return inner;
            }
            return operand();
        }

        Term operand() {
            if (next >= tokens.size()) {
                throw new IllegalArgumentException("expected a task name at the end");
            }
            String token = tokens.get(next);
            if (isOperator(token)) {
                throw new IllegalArgumentException("expected a task name, found '" + token + "'");
            }
            next++;
            int dot = token.indexOf('.');
            String task = dot < 0 ? token : token.substring(0, dot);
            if (task.isEmpty()) {
                throw new IllegalArgumentException("expected a task name before '" + token + "'");
            }
            String result = dot < 0 ? null : token.substring(dot + 1);
            if (result != null && !RESULTS.contains(result)) {
                throw new IllegalArgumentException("unknown result '" + result + "' in '" + token
                        + "': expected one of " + String.join(", ", RESULTS));
            }
            return new Operand(task, result);
        }

        private boolean peekIs(String token) {
            return next < tokens.size() && tokens.get(next).equals(token);
        }
    }

    private static boolean isOperator(String token) {
        return switch (token) {
            case "&&", "||", "!", "(", ")" -> true;
            default -> false;
        };
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("&&", i) || text.startsWith("||", i)) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else if (c == '!' || c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '&' || c == '|') {
                throw new IllegalArgumentException("single '" + c + "': use '" + c + c + "'");
            } else {
                int start = i;
                while (i < text.length() && isOperandChar(text.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw new IllegalArgumentException("unexpected character '" + c + "'");
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static boolean isOperandChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
