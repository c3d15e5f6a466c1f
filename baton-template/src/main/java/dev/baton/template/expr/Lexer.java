package dev.baton.template.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits expr-lang source into tokens. */
final class Lexer {

    private static final Set<String> WORD_OPERATORS =
            Set.of("not", "in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else");

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '\'' || c == '"') {
                add(Token.Kind.STRING, readQuoted(c), start);
            } else if (c == '`') {
                int end = src.indexOf('`', pos + 1);
                if (end < 0) {
                    throw new EvalError("literal not terminated (" + position(start) + ")");
                }
                add(Token.Kind.STRING, src.substring(pos + 1, end), start);
                pos = end + 1;
            } else if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
                add(Token.Kind.NUMBER, readNumber(), start);
            } else if (c == '/' && peekIs(1, '/')) {
                int end = src.indexOf('\n', pos);
                pos = end < 0 ? src.length() : end;
            } else if (c == '/' && peekIs(1, '*')) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new EvalError("unclosed comment (" + position(start) + ")");
                }
                pos = end + 2;
            } else if (isIdentifierChar(c)) {
                String word = readWhile();
                add(WORD_OPERATORS.contains(word) ? Token.Kind.OPERATOR : Token.Kind.IDENTIFIER, word, start);
            } else if ("([{".indexOf(c) >= 0 || ")]}".indexOf(c) >= 0) {
                pos++;
                add(Token.Kind.BRACKET, String.valueOf(c), start);
            } else {
                add(Token.Kind.OPERATOR, readOperator(c), start);
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", src.length()));
    }

    private String readOperator(char c) {
        String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
        String op = switch (c) {
            case '?' -> two.equals("?.") || two.equals("??") ? two : "?";
            case '|' -> two.equals("||") ? two : "|";
            case ':' -> two.equals("::") ? two : ":";
            case '.' -> two.equals("..") ? two : ".";
            case '&', '!', '=', '*', '<', '>' -> two.length() == 2 && "&=*".indexOf(two.charAt(1)) >= 0 ? two : String.valueOf(c);
            case ',', ';', '%', '+', '-', '^', '#', '/' -> String.valueOf(c);
            default -> throw new EvalError("unrecognized character: U+" + String.format("%04X", (int) c)
                    + " '" + c + "' (" + position(pos) + ")");
        };
        pos += op.length();
        return op;
    }

    private String readWhile() {
        int start = pos;
        while (pos < src.length() && (isIdentifierChar(src.charAt(pos)) || isDigit(src.charAt(pos)))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private String readNumber() {
        int start = pos;
        String digits = "0123456789_";
        if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char base = Character.toLowerCase(src.charAt(pos + 1));
            digits = base == 'x' ? "0123456789abcdefABCDEF_" : base == 'o' ? "01234567_" : "01_";
            pos += 2;
        }
        acceptRun(digits);
        if (pos < src.length() && src.charAt(pos) == '.' && !peekIs(1, '.')) {
            pos++;
            acceptRun(digits);
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E') && digits.length() == 11) {
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            acceptRun(digits);
        }
        if (pos < src.length() && (isIdentifierChar(src.charAt(pos)) || isDigit(src.charAt(pos)))) {
            throw new EvalError("bad number syntax: \"" + src.substring(start, pos + 1) + "\" (" + position(start) + ")");
        }
        return src.substring(start, pos);
    }

    private void acceptRun(String chars) {
        while (pos < src.length() && chars.indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private String readQuoted(char quote) {
        StringBuilder out = new StringBuilder();
        int start = pos++;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new EvalError("literal not terminated (" + position(start) + ")");
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw new EvalError("literal not terminated (" + position(start) + ")");
            }
            out.append(readEscape());
        }
    }

    private String readEscape() {
        char e = src.charAt(pos++);
        return switch (e) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'v' -> "\u000B";
            case '\\', '\'', '"' -> String.valueOf(e);
            case 'x' -> hex(2);
            case 'u' -> hex(4);
            case 'U' -> hex(8);
            default -> {
                if (e >= '0' && e <= '7' && pos + 2 <= src.length()
                        && src.substring(pos - 1, pos + 2).chars().allMatch(c -> c >= '0' && c <= '7')) {
                    String octal = src.substring(pos - 1, pos + 2);
                    pos += 2;
                    yield String.valueOf((char) Integer.parseInt(octal, 8));
                }
                throw new EvalError("invalid char escape (" + position(pos - 1) + ")");
            }
        };
    }

    private String hex(int length) {
        if (pos + length > src.length()) {
            throw new EvalError("invalid char escape (" + position(pos) + ")");
        }
        try {
            int code = Integer.parseInt(src.substring(pos, pos + length), 16);
            pos += length;
            return new String(Character.toChars(code));
        } catch (IllegalArgumentException e) {
            throw new EvalError("invalid char escape (" + position(pos) + ")");
        }
    }

    private boolean peekIs(int offset, char c) {
        return pos + offset < src.length() && src.charAt(pos + offset) == c;
    }

    private void add(Token.Kind kind, String value, int start) {
        tokens.add(new Token(kind, value, start));
    }

    private String position(int offset) {
        return SourcePosition.of(src, offset);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }
}
