package dev.baton.template.subst;

import java.util.AbstractMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The flat dotted names seen as the nested maps an expression reads ({@code steps['a'].outputs.result}), resolved
 * lazily so that only what an expression touches is looked up. Where a name is both a value and a prefix of other
 * names, the nested map wins, as in Argo; absent names read as nil.
 */
final class ScopeView extends AbstractMap<String, Object> {

    private final Variables vars;
    private final String prefix;
    private final Predicate<String> hasNamesUnder;

    private ScopeView(Variables vars, String prefix, Predicate<String> hasNamesUnder) {
        this.vars = vars;
        this.prefix = prefix;
        this.hasNamesUnder = hasNamesUnder;
    }

    /** The top level of the variables; prefixes are looked up in the variables' own index, or one built once here. */
    static ScopeView of(Variables vars) {
        return new ScopeView(vars, "", indexed(vars) ? vars::hasNamesUnder : new LazyPrefixes(vars));
    }

    private static boolean indexed(Variables vars) {
        return vars instanceof MapVariables
                || (vars instanceof Variables.OverlayVariables o && indexed(o.inner()) && indexed(o.outer()));
    }

    /** Every proper dotted prefix of the names, collected on first use. */
    private static final class LazyPrefixes implements Predicate<String> {
        private final Variables vars;
        private Set<String> prefixes;

        LazyPrefixes(Variables vars) {
            this.vars = vars;
        }

        @Override
        public boolean test(String name) {
            if (prefixes == null) {
                prefixes = new HashSet<>();
                for (String n : vars.names()) {
                    for (int dot = n.indexOf('.'); dot >= 0; dot = n.indexOf('.', dot + 1)) {
                        prefixes.add(n.substring(0, dot));
                    }
                }
            }
            return prefixes.contains(name);
        }
    }

    private String fullName(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        String name = fullName(k);
        return hasNamesUnder.test(name) ? new ScopeView(vars, name, hasNamesUnder) : vars.get(name);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && containsName(fullName(k));
    }

    /** True when the full dotted name has a value, is absent, or has names under it. */
    boolean containsName(String name) {
        return vars.get(name) != null || vars.isAbsent(name) || hasNamesUnder.test(name);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        String start = prefix.isEmpty() ? "" : prefix + ".";
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String name : vars.names()) {
            if (!name.startsWith(start) || name.length() == start.length()) {
                continue;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            String key = dot < 0 ? rest : rest.substring(0, dot);
            if (!entries.containsKey(key) && containsKey(key)) {
                entries.put(key, get(key));
            }
        }
        return entries.entrySet();
    }
}
