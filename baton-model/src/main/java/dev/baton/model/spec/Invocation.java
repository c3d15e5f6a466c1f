package dev.baton.model.spec;

import java.util.List;
import java.util.Map;

/** What steps and tasks have in common: a call of a template, possibly conditional or looped. */
public sealed interface Invocation permits StepSpec, TaskSpec {
    String name();

    String template();

    TemplateRef templateRef();

    TemplateSpec inline();

    Arguments arguments();

    String when();

    List<Object> withItems();

    String withParam();

    Sequence withSequence();

    ContinueOn continueOn();

    String onExit();

    Map<String, LifecycleHook> hooks();

    default Arguments argumentsOrNone() {
        return arguments() == null ? Arguments.NONE : arguments();
    }

    default boolean isLoop() {
        return withItems() != null || withParam() != null || withSequence() != null;
    }

    default boolean continuesOnFailed() {
        return continueOn() != null && Boolean.TRUE.equals(continueOn().failed());
    }

    default boolean continuesOnError() {
        return continueOn() != null && Boolean.TRUE.equals(continueOn().error());
    }

    /** The exit hook: {@code hooks.exit}, or the deprecated {@code onExit} template name. */
    default LifecycleHook exitHook() {
        if (hooks() != null && hooks().containsKey("exit")) {
            return hooks().get("exit");
        }
        if (onExit() != null) {
            return new LifecycleHook(onExit(), null, null, null);
        }
        return null;
    }
}
