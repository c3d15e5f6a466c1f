package dev.baton.template.expr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A compiled expr-lang (v1.17) expression with Argo's additions (asInt, asFloat, toJson, jsonpath, sprig). */
public final class Expr {

    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, Expr> CACHE = new ConcurrentHashMap<>();

    private final String source;
    private final Node root;
    private final List<String> references;

    private Expr(String source, Node root) {
        this.source = source;
        this.root = root;
        this.references = ReferencedPaths.of(root);
    }

    /** Parses once (compiled expressions are cached by source text); throws ExprException on a syntax error. */
    public static Expr compile(String source) {
        Expr cached = CACHE.get(source);
        if (cached != null) {
            return cached;
        }
        Expr compiled;
        try {
            compiled = new Expr(source, Parser.parse(source));
        } catch (EvalError e) {
            throw new ExprException(source, e.getMessage());
        } catch (StackOverflowError e) {
            // the parser descends once per nesting level: a few thousand brackets exhaust a thread's stack
            throw new ExprException(source, "expression nested too deeply");
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(source, compiled);
        return compiled;
    }

    /** Evaluates against an environment of nested values (maps, lists, strings, numbers, booleans, nil). */
    public Object evaluate(Map<String, ?> env) {
        try {
            return new Interpreter(env == null ? Map.of() : env).run(root);
        } catch (EvalError e) {
            throw new ExprException(source, e.getMessage());
        } catch (StackOverflowError e) {
            throw new ExprException(source, "expression nested too deeply");
        } catch (ExprException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExprException(source, e.getMessage() != null ? e.getMessage()
                    : "the expression failed unexpectedly");
        }
    }

    public static Object evaluate(String source, Map<String, ?> env) {
        return compile(source).evaluate(env);
    }

    public String source() {
        return source;
    }

    /**
     * The variables the expression reads, as dotted paths as far as they are static, e.g.
     * {@code steps['flip-coin'].outputs.result} gives "steps.flip-coin.outputs.result" and {@code item} gives "item".
     * Function names, closure pointers and let-bound names are left out.
     */
    public List<String> referencedPaths() {
        return references;
    }

    @Override
    public String toString() {
        return source;
    }
}
