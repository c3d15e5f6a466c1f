package dev.baton.model.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a single-component record whose YAML form is the component's value itself rather than a
 * mapping, e.g. {@code steps: [[...]]} or a plugin's free-form configuration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WholeValue {
}
