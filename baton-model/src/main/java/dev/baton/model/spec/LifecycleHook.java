package dev.baton.model.spec;

/** A template run on exit, or once when an expression becomes true. */
public record LifecycleHook(String template, Arguments arguments, TemplateRef templateRef, String expression) {
}
