package dev.baton.template.expr;

/** A lexical token of an expr-lang expression. */
record Token(Kind kind, String value, int position) {

    enum Kind { IDENTIFIER, NUMBER, STRING, OPERATOR, BRACKET, EOF }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean is(Kind k, String v) {
        return kind == k && value.equals(v);
    }

    boolean isOperator(String v) {
        return is(Kind.OPERATOR, v);
    }

    boolean isBracket(String v) {
        return is(Kind.BRACKET, v);
    }

    String describe() {
        return kind == Kind.EOF ? "end of input" : kind == Kind.STRING ? "String(\"" + value + "\")" : value;
    }
}
