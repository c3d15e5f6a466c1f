package dev.baton.template.expr;

/** Converts the text of a number token into a Long or a Double. */
final class NumberLiteral {

    private NumberLiteral() {
    }

    static Object parse(String text, String src, int position) {
        String value = text.replace("_", "");
        String lower = value.toLowerCase();
        try {
            if (lower.startsWith("0x")) {
                return Long.parseLong(value.substring(2), 16);
            }
            if (lower.startsWith("0o")) {
                return Long.parseLong(value.substring(2), 8);
            }
            if (lower.startsWith("0b")) {
                return Long.parseLong(value.substring(2), 2);
            }
            if (lower.contains(".") || lower.contains("e")) {
                return Double.parseDouble(value);
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new EvalError("invalid number literal " + text + " (" + SourcePosition.of(src, position) + ")");
        }
    }
}
