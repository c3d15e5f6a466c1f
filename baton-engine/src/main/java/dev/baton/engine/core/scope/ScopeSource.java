package dev.baton.engine.core.scope;

import java.util.Set;

/**
 * Values derived on demand under one prefix (such as {@code tasks.A}), so that publishing a finished node
 * costs one entry instead of a string per status field and output.
 */
public interface ScopeSource {
    /** The value of {@code <prefix>.<suffix>}, or null when there is none. */
    String get(String suffix);

    /** Whether {@code <prefix>.<suffix>} names an output that does not exist (its producer never ran). */
    boolean isAbsent(String suffix);

    /** Every suffix with a value or known to be absent. */
    Set<String> suffixes();
}
