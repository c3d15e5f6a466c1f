package dev.baton.engine.core.invoke;

import dev.baton.template.subst.Substitution;
import dev.baton.template.subst.SubstitutionException;
import dev.baton.template.subst.Unresolved;
import dev.baton.template.subst.Variables;

/** Substitutes {@code {{…}}} tags throughout a record, turning failures into a message for the node. */
public final class Substituter {
    private Substituter() {
    }

    /** The rewritten value, or a failure naming the tag that could not be resolved. */
    public sealed interface Outcome<T> {
        /** Every tag resolved (or was left as the policy allows). */
        record Done<T>(T value) implements Outcome<T> {
        }

        /** A tag could not be resolved. */
        record Failed<T>(String message, boolean absentOptional) implements Outcome<T> {
        }
    }

    public static <T> Outcome<T> apply(T value, Variables vars, Unresolved policy) {
        try {
            return new Outcome.Done<>(StringRewriter.rewrite(value, s -> Substitution.apply(s, vars, policy)));
        } catch (SubstitutionException e) {
            return new Outcome.Failed<>(e.getMessage(), e.isAbsentOptional());
        } catch (RuntimeException e) {
            // a node's message never names a Java class
            return new Outcome.Failed<>(e.getMessage() == null ? "the substitution failed unexpectedly"
                    : e.getMessage(), false);
        }
    }

    /** Substitutes one string. */
    public static String text(String text, Variables vars, Unresolved policy) {
        return text == null ? null : Substitution.apply(text, vars, policy);
    }
}
