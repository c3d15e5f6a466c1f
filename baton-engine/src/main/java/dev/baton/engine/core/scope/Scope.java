package dev.baton.engine.core.scope;

import dev.baton.template.subst.Variables;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Values visible to {@code {{…}}} tags at one place in a run: a flat map of dotted names layered over
 * an enclosing scope (workflow globals, then a template's inputs, then its steps' or tasks' outputs).
 */
public final class Scope implements Variables {
    private final Scope parent;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    private Map<String, ScopeSource> sources;

    private Scope(Scope parent) {
        this.parent = parent;
    }

    public static Scope root() {
        return new Scope(null);
    }

    public Scope child() {
        return new Scope(this);
    }

    public Scope put(String name, String value) {
        if (value == null) {
            return this;
        }
        values.put(name, value);
        absent.remove(name);
        return this;
    }

    /** Records that {@code name} refers to an output that does not exist (a skipped producer). */
    public Scope putAbsent(String name) {
        values.remove(name);
        absent.add(name);
        return this;
    }

    /** Serves every {@code <prefix>.<suffix>} from {@code source} (prefix: two segments, e.g. {@code tasks.A}). */
    public Scope bind(String prefix, ScopeSource source) {
        if (sources == null) {
            sources = new HashMap<>();
        }
        sources.put(prefix, source);
        return this;
    }

    public Scope putAll(Map<String, String> entries) {
        entries.forEach(this::put);
        return this;
    }

    @Override
    public String get(String name) {
        int split = prefixEnd(name);
        for (Scope s = this; s != null; s = s.parent) {
            String value = s.values.get(name);
            if (value != null) {
                return value;
            }
            if (s.absent.contains(name)) {
                return null;
            }
            ScopeSource source = s.source(name, split);
            if (source != null) {
                return source.get(name.substring(split + 1));
            }
        }
        return null;
    }

    @Override
    public boolean isAbsent(String name) {
        int split = prefixEnd(name);
        for (Scope s = this; s != null; s = s.parent) {
            if (s.values.containsKey(name)) {
                return false;
            }
            if (s.absent.contains(name)) {
                return true;
            }
            ScopeSource source = s.source(name, split);
            if (source != null) {
                return source.isAbsent(name.substring(split + 1));
            }
        }
        return false;
    }

    @Override
    public Set<String> names() {
        Set<String> all = new HashSet<>();
        for (Scope s = this; s != null; s = s.parent) {
            all.addAll(s.values.keySet());
            all.addAll(s.absent);
            if (s.sources != null) {
                s.sources.forEach((prefix, source) -> source.suffixes().forEach(x -> all.add(prefix + "." + x)));
            }
        }
        return all;
    }

    private ScopeSource source(String name, int split) {
        if (sources == null || split < 0) {
            return null;
        }
        return sources.get(name.substring(0, split));
    }

    /** Where the two-segment prefix of a name ends ({@code tasks.A.outputs.result} → after {@code tasks.A}). */
    private static int prefixEnd(String name) {
        int first = name.indexOf('.');
        return first < 0 ? -1 : name.indexOf('.', first + 1);
    }
}
