package dev.baton.template.when;

import dev.baton.template.when.GovaluateToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Argo's {@code when}: a substituted string evaluated by govaluate with bare words read as strings. */
public final class WhenCondition {

    private WhenCondition() {
    }

    /** Evaluates an already-substituted {@code when} string. Empty/blank → true. */
    public static boolean evaluate(String substituted) {
        if (substituted == null || substituted.isBlank()) {
            return true;
        }
        try {
            return evaluateText(substituted);
        } catch (StackOverflowError e) {
            // parsing and evaluating descend once per nesting level: thousands of brackets exhaust the stack
            throw new WhenException("Invalid 'when' expression '" + substituted + "': nested too deeply");
        }
    }

    private static boolean evaluateText(String substituted) {
        List<GovaluateToken> tokens;
        try {
            tokens = prepare(GovaluateLexer.tokenize(substituted));
        } catch (GovaluateError e) {
            String hint = e.getMessage().contains("Invalid token")
                    ? " (hint: try wrapping the affected expression in quotes (\"))" : "";
            throw new WhenException("Invalid 'when' expression '" + substituted + "': " + e.getMessage() + hint);
        }
        GovaluateNode plan;
        try {
            plan = prepareConverted(tokens);
        } catch (GovaluateError e) {
            throw new WhenException("Failed to parse 'when' expression '" + substituted + "': " + e.getMessage());
        }
        Object result;
        try {
            result = GovaluateEvaluator.evaluate(plan);
        } catch (GovaluateError e) {
            throw new WhenException("Failed to evaluate 'when' expression '" + substituted + "': " + e.getMessage());
        }
        if (result instanceof Boolean b) {
            return b;
        }
        throw new WhenException("Expected boolean evaluation for '" + substituted + "'. Got "
                + GovaluateEvaluator.display(result));
    }

    /** govaluate's own parse of the text, as Argo first does it. */
    private static List<GovaluateToken> prepare(List<GovaluateToken> tokens) {
        GovaluateGrammar.checkSyntax(tokens);
        List<GovaluateToken> optimized = compilePatterns(tokens);
        GovaluateParser.plan(optimized);
        return optimized;
    }

    /** Argo's second parse, after turning every VARIABLE token into a STRING holding its text. */
    private static GovaluateNode prepareConverted(List<GovaluateToken> tokens) {
        List<GovaluateToken> converted = new ArrayList<>(tokens.size());
        for (GovaluateToken t : tokens) {
            converted.add(t.kind() == Kind.VARIABLE ? new GovaluateToken(Kind.STRING, t.value()) : t);
        }
        GovaluateGrammar.checkBalance(converted);
        GovaluateGrammar.checkSyntax(converted);
        return GovaluateParser.plan(compilePatterns(converted));
    }

    /** govaluate's optimizeTokens: a string right after =~ or !~ is compiled into a pattern. */
    private static List<GovaluateToken> compilePatterns(List<GovaluateToken> tokens) {
        List<GovaluateToken> out = new ArrayList<>(tokens);
        for (int i = 0; i + 1 < out.size(); i++) {
            GovaluateToken t = out.get(i);
            GovaluateToken next = out.get(i + 1);
            if (t.kind() == Kind.COMPARATOR && ("=~".equals(t.value()) || "!~".equals(t.value())) && next.kind() == Kind.STRING) {
                String regex = (String) next.value();
                try {
                    out.set(i + 1, new GovaluateToken(Kind.PATTERN, Pattern.compile(regex)));
                } catch (PatternSyntaxException e) {
                    throw new GovaluateError(GovaluateEvaluator.regexError(e, regex));
                }
            }
        }
        return out;
    }
}
