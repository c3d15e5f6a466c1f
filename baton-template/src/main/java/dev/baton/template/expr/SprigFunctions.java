package dev.baton.template.expr;

import java.util.HashMap;
import java.util.Map;

/** The sprig function map Argo exposes as {@code sprig.<name>} (without env and expandenv). */
final class SprigFunctions {

    /** The value of the identifier {@code sprig}: members of it are sprig functions. */
    record Namespace() {
        @Override
        public String toString() {
            return "sprig";
        }
    }

    static final Namespace NAMESPACE = new Namespace();
    private static final Map<String, ExprFunction> FUNCTIONS = new HashMap<>();

    static {
        SprigStrings.register(FUNCTIONS);
        SprigText.register(FUNCTIONS);
        SprigNumbers.register(FUNCTIONS);
        SprigCollections.register(FUNCTIONS);
        SprigDates.register(FUNCTIONS);
    }

    private SprigFunctions() {
    }

    static ExprFunction function(String name) {
        ExprFunction f = FUNCTIONS.get(name);
        if (f == null) {
            throw new EvalError("unknown sprig function " + name);
        }
        return f;
    }
}
