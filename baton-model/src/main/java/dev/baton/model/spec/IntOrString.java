package dev.baton.model.spec;

import java.util.Objects;
import java.util.OptionalLong;

/** A Kubernetes int-or-string value such as {@code limit: 3} or {@code limit: "{{inputs.parameters.n}}"}. */
public record IntOrString(String text, boolean numeric) {
    public IntOrString {
        Objects.requireNonNull(text, "text");
    }

    public static IntOrString of(long value) {
        return new IntOrString(Long.toString(value), true);
    }

    public static IntOrString of(String text) {
        return new IntOrString(text, false);
    }

    /** The value as an integer when it is one (numeric or a string holding digits). */
    public OptionalLong asLong() {
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
