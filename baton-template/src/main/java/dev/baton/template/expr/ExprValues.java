package dev.baton.template.expr;

/** Converts expression values to and from text as Argo does. */
public final class ExprValues {

    private ExprValues() {
    }

    /**
     * Argo's rendering of an expression result into a template: Go's {@code fmt.Sprintf("%v", v)}.
     * Strings are inserted as they are; numbers as Go prints float64/int (35.8, 3, 1e+06); lists as {@code [a b]};
     * maps as {@code map[k:v]} (use toJson() in the expression for JSON).
     *
     * @throws ExprException when the value is nil, which Argo treats as unresolved
     */
    public static String render(Object value) {
        if (value == null) {
            throw new ExprException("expression evaluated to nil");
        }
        return GoValueFormat.format(value);
    }

    /** Parses JSON text into runtime values (LinkedHashMap, List, String, Long, Double, Boolean, null). */
    public static Object fromJson(String json) {
        try {
            return JsonText.parse(json, false);
        } catch (EvalError e) {
            throw new ExprException(e.getMessage());
        }
    }

    /** Compact JSON as Go's json.Marshal writes it (map keys sorted, HTML characters escaped). */
    public static String toJson(Object value) {
        try {
            return JsonText.write(value, false);
        } catch (EvalError e) {
            throw new ExprException(e.getMessage());
        }
    }
}
