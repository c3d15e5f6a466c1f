package dev.baton.template.subst;

/** What to do with a tag that cannot be resolved yet: fail, or leave it verbatim for a later pass. */
public enum Unresolved {
    ERROR,
    KEEP
}
