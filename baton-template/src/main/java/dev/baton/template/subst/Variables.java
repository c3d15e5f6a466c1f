package dev.baton.template.subst;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The flat, dotted variable names visible where a string is substituted. */
public interface Variables {

    /** The value of a flat, dotted name such as "steps.flip-coin.outputs.result", or null if unknown. */
    String get(String name);

    /** True when the name is known to refer to an absent output (a skipped/omitted producer without default). */
    default boolean isAbsent(String name) {
        return false;
    }

    /** Every known flat name, absent ones included (to build the nested expression environment). */
    Set<String> names();

    /** True when some known name starts with {@code prefix + "."}; implementations may answer from an index. */
    default boolean hasNamesUnder(String prefix) {
        String start = prefix + ".";
        for (String name : names()) {
            if (name.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    static Variables of(Map<String, String> values) {
        return of(values, Set.of());
    }

    /** Values plus names known to be absent outputs. */
    static Variables of(Map<String, String> values, Set<String> absent) {
        return new MapVariables(values, absent);
    }

    static Variables empty() {
        return of(Map.of());
    }

    /** A scope where {@code inner}'s names hide {@code outer}'s. */
    static Variables overlay(Variables inner, Variables outer) {
        return new OverlayVariables(inner, outer);
    }

    /** Two scopes, the inner one first. */
    record OverlayVariables(Variables inner, Variables outer) implements Variables {

        @Override
        public String get(String name) {
            String value = inner.get(name);
            if (value != null || inner.isAbsent(name)) {
                return value;
            }
            return outer.get(name);
        }

        @Override
        public boolean isAbsent(String name) {
            return inner.isAbsent(name) || (inner.get(name) == null && outer.isAbsent(name));
        }

        @Override
        public Set<String> names() {
            Set<String> all = new HashSet<>(outer.names());
            all.addAll(inner.names());
            return all;
        }

        @Override
        public boolean hasNamesUnder(String prefix) {
            return inner.hasNamesUnder(prefix) || outer.hasNamesUnder(prefix);
        }
    }
}
