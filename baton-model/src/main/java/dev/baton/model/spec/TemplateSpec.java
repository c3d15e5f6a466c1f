package dev.baton.model.spec;

import dev.baton.model.binding.Inline;
import dev.baton.model.binding.OneOf;

import java.util.Map;

/** One named template: a kind (container, script, steps, dag, …) plus the fields every kind shares. */
public record TemplateSpec(
        String name,
        Inputs inputs,
        Outputs outputs,
        @OneOf TemplateKind kind,
        Boolean daemon,
        IntOrString activeDeadlineSeconds,
        String timeout,
        RetryStrategy retryStrategy,
        IntOrString parallelism,
        Boolean failFast,
        Memoize memoize,
        Synchronization synchronization,
        Metrics metrics,
        ArtifactSpec archiveLocation,
        Map<String, String> annotations,
        @Inline TemplatePodSettings pod) {

    public Inputs inputsOrEmpty() {
        return inputs == null ? new Inputs(null, null) : inputs;
    }

    public Outputs outputsOrEmpty() {
        return outputs == null ? new Outputs(null, null, null, null) : outputs;
    }

    public TemplateSpec withName(String newName) {
        return new TemplateSpec(newName, inputs, outputs, kind, daemon, activeDeadlineSeconds, timeout,
                retryStrategy, parallelism, failFast, memoize, synchronization, metrics, archiveLocation,
                annotations, pod);
    }

    public TemplateSpec withKind(TemplateKind newKind) {
        return new TemplateSpec(name, inputs, outputs, newKind, daemon, activeDeadlineSeconds, timeout,
                retryStrategy, parallelism, failFast, memoize, synchronization, metrics, archiveLocation,
                annotations, pod);
    }
}
