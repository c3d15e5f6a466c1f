package dev.baton.template.expr;

import java.util.List;

/** A JSONPath filter such as {@code @.price < 10 && @.category == 'fiction'}, tested against one candidate. */
final class JsonPathFilter {

    private static final Object MISSING = new Object();

    private final String text;
    private final Object root;
    private int pos;
    private Object candidate;

    JsonPathFilter(String text, Object root) {
        this.text = text;
        this.root = root;
    }

    boolean test(Object value) {
        candidate = value;
        pos = 0;
        boolean result = or();
        skipSpace();
        if (pos < text.length()) {
            throw new EvalError("jsonpath: invalid filter '" + text + "' at position " + pos);
        }
        return result;
    }

    private boolean or() {
        boolean result = and();
        while (consume("||")) {
            boolean right = and();
            result = result || right;
        }
        return result;
    }

    private boolean and() {
        boolean result = unary();
        while (consume("&&")) {
            boolean right = unary();
            result = result && right;
        }
        return result;
    }

    private boolean unary() {
        skipSpace();
        if (text.startsWith("!", pos) && !text.startsWith("!=", pos)) {
            pos++;
            return !unary();
        }
        return comparison();
    }

    private boolean comparison() {
        skipSpace();
        if (text.startsWith("(", pos)) {
            pos++;
            boolean inner = or();
            if (!consume(")")) {
                throw new EvalError("jsonpath: unbalanced parenthesis in filter '" + text + "'");
            }
            return inner;
        }
        Object left = operand();
        skipSpace();
        for (String op : List.of("==", "!=", "<=", ">=", "=~", "<", ">")) {
            if (consume(op)) {
                return compare(op, left, op.equals("=~") ? regex() : operand());
            }
        }
        return left != MISSING && left != null && !Boolean.FALSE.equals(left);
    }

    private boolean compare(String op, Object left, Object right) {
        if (left == MISSING || right == MISSING) {
            return op.equals("!=");
        }
        return switch (op) {
            case "==" -> Operators.equal(left, right);
            case "!=" -> !Operators.equal(left, right);
            case "=~" -> left instanceof String s && Operators.pattern((String) right).matcher(s).find();
            default -> {
                boolean comparable = (RuntimeValues.isNumber(left) && RuntimeValues.isNumber(right))
                        || (left instanceof String && right instanceof String);
                yield comparable && Operators.compare(op, left, right);
            }
        };
    }

    private Object operand() {
        skipSpace();
        if (pos >= text.length()) {
            throw new EvalError("jsonpath: incomplete filter '" + text + "'");
        }
        char c = text.charAt(pos);
        if (c == '@' || c == '$') {
            String path = readPath();
            List<Object> found = JsonPath.relative(path, c == '@' ? candidate : root, root);
            return found.isEmpty() ? MISSING : found.get(0);
        }
        if (c == '\'' || c == '"') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) {
                throw new EvalError("jsonpath: unterminated string in filter '" + text + "'");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || ".-+".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> {
                try {
                    yield Double.parseDouble(word);
                } catch (NumberFormatException e) {
                    throw new EvalError("jsonpath: invalid value '" + word + "' in filter '" + text + "'");
                }
            }
        };
    }

    private String regex() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '/') {
            int end = text.indexOf('/', pos + 1);
            String pattern = text.substring(pos + 1, end);
            pos = end + 1;
            return pattern;
        }
        Object value = operand();
        return GoValueFormat.format(value);
    }

    private String readPath() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0 && (Character.isWhitespace(c) || "=!<>&|)".indexOf(c) >= 0)) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean consume(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
