package dev.baton.model.spec;

import java.util.List;
import java.util.Map;

/** One task of a DAG template. */
public record TaskSpec(
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
        Map<String, LifecycleHook> hooks,
        List<String> dependencies,
        String depends) implements Invocation {
}
