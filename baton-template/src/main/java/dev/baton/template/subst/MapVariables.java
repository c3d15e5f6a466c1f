package dev.baton.template.subst;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Immutable variables held in a map, with an index of name prefixes built on first use. */
final class MapVariables implements Variables {

    private final Map<String, String> values;
    private final Set<String> absent;
    private volatile Set<String> prefixes;

    MapVariables(Map<String, String> values, Set<String> absent) {
        this.values = Map.copyOf(values);
        this.absent = Set.copyOf(absent);
    }

    @Override
    public String get(String name) {
        return values.get(name);
    }

    @Override
    public boolean isAbsent(String name) {
        return absent.contains(name);
    }

    @Override
    public Set<String> names() {
        if (absent.isEmpty()) {
            return values.keySet();
        }
        Set<String> all = new HashSet<>(values.keySet());
        all.addAll(absent);
        return all;
    }

    @Override
    public boolean hasNamesUnder(String prefix) {
        Set<String> index = prefixes;
        if (index == null) {
            index = new HashSet<>();
            for (String name : names()) {
                for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                    index.add(name.substring(0, dot));
                }
            }
            prefixes = index;
        }
        return index.contains(prefix);
    }

    @Override
    public String toString() {
        return "Variables" + values + (absent.isEmpty() ? "" : " absent " + absent);
    }
}
