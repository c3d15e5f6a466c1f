package dev.baton.model.spec;

import java.util.List;
import java.util.Map;

/** One step of a steps template. */
public record StepSpec(
        String name,
        String template,
        TemplateRef templateRef,
        TemplateSpec inline,
        Arguments arguments,
        String when,
        List<Object> withItems,
        String withParam,
        Sequence withSequence,
        ContinueOn continueOn,
        String onExit,
        Map<String, LifecycleHook> hooks) implements Invocation {
}
