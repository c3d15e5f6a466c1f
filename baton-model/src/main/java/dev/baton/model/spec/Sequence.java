package dev.baton.model.spec;

/** A numeric loop: {@code count}, or {@code start} to {@code end} inclusive, printed with {@code format}. */
public record Sequence(IntOrString count, IntOrString start, IntOrString end, String format) {
}
