package dev.baton.model.spec;

/** Which failures of a step or task let its parent go on. */
public record ContinueOn(Boolean error, Boolean failed) {
}
