package dev.baton.model.spec;

import java.util.List;

/** What a template takes. */
public record Inputs(List<ParameterSpec> parameters, List<ArtifactSpec> artifacts) {
    public List<ParameterSpec> parametersOrEmpty() {
        return parameters == null ? List.of() : parameters;
    }

    public List<ArtifactSpec> artifactsOrEmpty() {
        return artifacts == null ? List.of() : artifacts;
    }
}
