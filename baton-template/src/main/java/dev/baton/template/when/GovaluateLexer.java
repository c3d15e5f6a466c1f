package dev.baton.template.when;

import dev.baton.template.when.GovaluateToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** govaluate's lexer (Knetic/govaluate parsing.go), reproduced token for token. */
final class GovaluateLexer {

    static final Set<String> PREFIX = Set.of("-", "!", "~");
    static final Set<String> MODIFIER = Set.of("+", "-", "*", "/", "%", "**", "&", "|", "^", ">>", "<<");
    static final Set<String> LOGICAL = Set.of("&&", "||");
    static final Set<String> COMPARATOR = Set.of("==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in");
    static final Set<String> TERNARY = Set.of("?", ":", "??");

    private final String text;
    private int pos;

    private GovaluateLexer(String text) {
        this.text = text;
    }

    static List<GovaluateToken> tokenize(String expression) {
        GovaluateLexer lexer = new GovaluateLexer(expression);
        List<GovaluateToken> tokens = new ArrayList<>();
        Kind state = Kind.UNKNOWN;
        while (lexer.pos < expression.length()) {
            GovaluateToken token = lexer.read(state);
            if (token == null) {
                break;
            }
            state = token.kind();
            tokens.add(token);
        }
        GovaluateGrammar.checkBalance(tokens);
        return tokens;
    }

    private GovaluateToken read(Kind state) {
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (isNumeric(c)) {
                return number(c);
            }
            if (c == ',') {
                return new GovaluateToken(Kind.SEPARATOR, ",");
            }
            if (c == '[') {
                Read r = readUntil(true, false, ch -> ch != ']');
                if (!r.completed()) {
                    throw new GovaluateError("Unclosed parameter bracket");
                }
                pos++;
                return new GovaluateToken(Kind.VARIABLE, r.text());
            }
            if (Character.isLetter(c)) {
                return word();
            }
            if (c == '\'' || c == '"') {
                Read r = readUntil(true, false, ch -> ch != '\'' && ch != '"');
                if (!r.completed()) {
                    throw new GovaluateError("Unclosed string literal");
                }
                pos++;
                Double time = GovaluateTime.parse(r.text());
                return time != null ? new GovaluateToken(Kind.TIME, time) : new GovaluateToken(Kind.STRING, r.text());
            }
            if (c == '(') {
                return new GovaluateToken(Kind.CLAUSE, 40L);
            }
            if (c == ')') {
                return new GovaluateToken(Kind.CLAUSE_CLOSE, 41L);
            }
            pos--;
            String symbol = readUntil(false, true, GovaluateLexer::isNotAlphanumeric).text();
            if (GovaluateGrammar.canTransition(state, Kind.PREFIX) && PREFIX.contains(symbol)) {
                return new GovaluateToken(Kind.PREFIX, symbol);
            }
            Kind kind = MODIFIER.contains(symbol) ? Kind.MODIFIER : LOGICAL.contains(symbol) ? Kind.LOGICALOP
                    : COMPARATOR.contains(symbol) ? Kind.COMPARATOR : TERNARY.contains(symbol) ? Kind.TERNARY : null;
            if (kind == null) {
                throw new GovaluateError("Invalid token: '" + symbol + "'");
            }
            return new GovaluateToken(kind, symbol);
        }
        return null;
    }

    private GovaluateToken number(char first) {
        if (first == '0' && pos < text.length()) {
            char next = text.charAt(pos++);
            if (next == 'x' && pos < text.length()) {
                String hex = readUntil(false, true, GovaluateLexer::isHexDigit).text();
                try {
                    return new GovaluateToken(Kind.NUMERIC, (double) Long.parseUnsignedLong(hex, 16));
                } catch (NumberFormatException e) {
                    throw new GovaluateError("Unable to parse hex value '" + hex + "' to uint64");
                }
            }
            pos--;
        }
        pos--;
        String digits = readUntil(false, true, GovaluateLexer::isNumeric).text();
        if (!digits.matches("\\d*\\.?\\d*") || digits.equals(".")) {
            throw new GovaluateError("Unable to parse numeric value '" + digits + "' to float64");
        }
        return new GovaluateToken(Kind.NUMERIC, Double.parseDouble(digits));
    }

    private GovaluateToken word() {
        pos--;
        String word = readUntil(false, true, ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.').text();
        if (word.equals("true") || word.equals("false")) {
            return new GovaluateToken(Kind.BOOLEAN, Boolean.valueOf(word));
        }
        if (word.equals("in") || word.equals("IN")) {
            return new GovaluateToken(Kind.COMPARATOR, "in");
        }
        if (word.indexOf('.') > 0) {
            if (word.endsWith(".")) {
                throw new GovaluateError("Hanging accessor on token '" + word + "'");
            }
            String[] parts = word.split("\\.", -1);
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].isEmpty() && Character.toUpperCase(parts[i].charAt(0)) != parts[i].charAt(0)) {
                    throw new GovaluateError("Unable to access unexported field '" + parts[i] + "' in token '" + word + "'");
                }
            }
            return new GovaluateToken(Kind.ACCESSOR, parts);
        }
        return new GovaluateToken(Kind.VARIABLE, word);
    }

    private record Read(String text, boolean completed) {
    }

    /** govaluate's readUntilFalse: backslash escapes the next character; whitespace may end the read. */
    private Read readUntil(boolean includeWhitespace, boolean breakOnWhitespace, java.util.function.IntPredicate condition) {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos < text.length()) {
                    out.append(text.charAt(pos++));
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (breakOnWhitespace && out.length() > 0) {
                    return new Read(out.toString(), true);
                }
                if (!includeWhitespace) {
                    continue;
                }
            }
            if (condition.test(c)) {
                out.append(c);
            } else {
                pos--;
                return new Read(out.toString(), true);
            }
        }
        return new Read(out.toString(), false);
    }

    private static boolean isNumeric(int c) {
        return Character.isDigit(c) || c == '.';
    }

    private static boolean isHexDigit(int c) {
        return Character.isDigit(c) || "abcdefABCDEF".indexOf(c) >= 0;
    }

    private static boolean isNotAlphanumeric(int c) {
        return !(Character.isLetterOrDigit(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '\'' || c == '"');
    }
}
