package dev.baton.template.subst;

/** A {@code {{…}}} tag that could not be resolved. */
public final class SubstitutionException extends RuntimeException {

    private final String tag;
    private final boolean absentOptional;

    SubstitutionException(String message, String tag, boolean absentOptional) {
        super(message);
        this.tag = tag;
        this.absentOptional = absentOptional;
    }

    /** The tag text between the braces, trimmed ("inputs.parameters.x", or "=expr" for an expression tag). */
    public String getTag() {
        return tag;
    }

    /** True when the tag names an output that is known to be absent (a skipped or omitted producer without default). */
    public boolean isAbsentOptional() {
        return absentOptional;
    }
}
