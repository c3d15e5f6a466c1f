package dev.baton.template.subst;

import dev.baton.template.expr.Expr;
import dev.baton.template.expr.ExprException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Argo's {@code {{name}}} and {@code {{= expr}}} substitution, applied to one string at a time. */
public final class Substitution {

    private static final Set<String> ARGO_PREFIXES = Set.of("inputs", "outputs", "steps", "tasks", "workflow", "item",
            "pod", "retries", "lastRetry", "node", "cronworkflow", "status", "exitCode", "duration", "resourcesDuration");

    private Substitution() {
    }

    /** Replaces every {{name}} (whitespace-trimmed) and {{= expr}} in text. */
    public static String apply(String text, Variables vars, Unresolved policy) {
        if (text == null || text.indexOf("{{") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        ExpressionTags expressions = null;
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                out.append(text, from, text.length());
                return out.toString();
            }
            out.append(text, from, open);
            String tag = text.substring(open + 2, close);
            String replacement;
            if (tag.startsWith("=")) {
                if (expressions == null) {
                    expressions = new ExpressionTags(vars, policy);
                }
                replacement = expressions.resolve(tag.substring(1));
            } else {
                replacement = resolveSimple(tag.strip(), vars, policy);
            }
            out.append(replacement != null ? replacement : text.substring(open, close + 2));
            from = close + 2;
        }
    }

    /** The value of a simple tag, or null to leave it verbatim. */
    private static String resolveSimple(String name, Variables vars, Unresolved policy) {
        if (!hasArgoPrefix(name)) {
            return null;
        }
        String value = vars.get(name);
        if (value != null) {
            return value;
        }
        if (policy == Unresolved.KEEP) {
            return null;
        }
        if (vars.isAbsent(name)) {
            throw new SubstitutionException("failed to resolve {{" + name + "}}: absent optional output"
                    + " (its producer was skipped or omitted and the output declares no default)", name, true);
        }
        throw new SubstitutionException("failed to resolve {{" + name + "}}", name, false);
    }

    /**
     * Evaluates a bare expression (no {@code {{= }}} around it, as in {@code retryStrategy.expression} or
     * {@code valueFrom.expression}) against the variables; throws {@code ExprException} when it fails.
     */
    public static Object evaluate(String expression, Variables vars) {
        return Expr.compile(expression).evaluate(ScopeView.of(vars));
    }

    public static boolean hasTags(String text) {
        if (text == null) {
            return false;
        }
        int open = text.indexOf("{{");
        return open >= 0 && text.indexOf("}}", open + 2) >= 0;
    }

    /** True when the name starts with one of Argo's variable prefixes; other tags are passed through untouched. */
    public static boolean hasArgoPrefix(String name) {
        int dot = name.indexOf('.');
        return ARGO_PREFIXES.contains(dot < 0 ? name : name.substring(0, dot));
    }

    /** The names of simple tags in text (for validation: e.g. "inputs.parameters.x"), excluding {{= }} tags. */
    public static List<String> tagNames(String text) {
        List<String> names = new ArrayList<>();
        for (String tag : tags(text)) {
            if (!tag.startsWith("=")) {
                names.add(tag.strip());
            }
        }
        return names;
    }

    /**
     * The variables the {{= }} expressions in text refer to, best-effort, for validation: dotted paths as far as they
     * are static ("inputs.parameters.x", "steps.flip-coin.outputs.result", "item"). Expressions that do not parse
     * are skipped.
     */
    public static List<String> expressionNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String tag : tags(text)) {
            if (tag.startsWith("=")) {
                try {
                    names.addAll(Expr.compile(tag.substring(1)).referencedPaths());
                } catch (ExprException unparsable) {
                    // reported when the tag is substituted
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        if (text == null) {
            return tags;
        }
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                return tags;
            }
            tags.add(text.substring(open + 2, close));
            from = close + 2;
        }
    }
}
