package dev.baton.template.subst;

import dev.baton.template.expr.Expr;
import dev.baton.template.expr.ExprException;
import dev.baton.template.expr.ExprValues;
import java.util.Set;

/** Resolves the {@code {{= expr}}} tags of one string against one scope. */
final class ExpressionTags {

    /** Variables bound only late (loop expansion, retries, exit handlers): without them a tag waits for a later pass. */
    private static final Set<String> LATE_BOUND_ROOTS = Set.of("item", "retries", "lastRetry");
    private static final Set<String> LATE_BOUND_PATHS = Set.of("workflow.status", "workflow.failures");

    private final Variables vars;
    private final Unresolved policy;
    private ScopeView environment;

    ExpressionTags(Variables vars, Unresolved policy) {
        this.vars = vars;
        this.policy = policy;
    }

    /** The rendered value, or null to leave the tag verbatim. */
    String resolve(String source) {
        Expr expr;
        try {
            expr = Expr.compile(source);
        } catch (ExprException e) {
            return unresolved(e.getMessage(), source);
        }
        String missing = lateBoundMissing(expr);
        if (missing != null) {
            return unresolved("failed to evaluate expression '" + source + "': " + missing + " is not available yet", source);
        }
        Object result;
        try {
            result = expr.evaluate(environment());
        } catch (ExprException e) {
            return unresolved(e.getMessage(), source);
        }
        if (result == null) {
            return unresolved("failed to evaluate expression '" + source + "': the result is nil", source);
        }
        return ExprValues.render(result);
    }

    private String lateBoundMissing(Expr expr) {
        for (String path : expr.referencedPaths()) {
            int dot = path.indexOf('.');
            String root = dot < 0 ? path : path.substring(0, dot);
            if (LATE_BOUND_ROOTS.contains(root) && !known(root)) {
                return root;
            }
            for (String late : LATE_BOUND_PATHS) {
                if ((path.equals(late) || path.startsWith(late + ".")) && !known(late)) {
                    return late;
                }
            }
        }
        return null;
    }

    private boolean known(String name) {
        return environment().containsName(name);
    }

    private ScopeView environment() {
        if (environment == null) {
            environment = ScopeView.of(vars);
        }
        return environment;
    }

    private String unresolved(String message, String source) {
        if (policy == Unresolved.KEEP) {
            return null;
        }
        throw new SubstitutionException(message, "=" + source, false);
    }
}
