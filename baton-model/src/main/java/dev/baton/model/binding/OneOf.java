package dev.baton.model.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a sealed type whose variant is chosen by which YAML key is present,
 * e.g. a template's {@code container:} or {@code dag:}. Each permitted record names its key
 * with {@link Variant}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OneOf {
    /** Whether the mapping may carry none of the variants. */
    boolean optional() default false;
}
