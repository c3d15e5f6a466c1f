package dev.baton.template.expr;

/** The "line:column" of an offset in expression source, as expr-lang prints it in messages. */
final class SourcePosition {

    private SourcePosition() {
    }

    static String of(String src, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }
}
