package dev.baton.model.spec;

import java.util.List;

/** Values passed to a template or a workflow. */
public record Arguments(List<ParameterSpec> parameters, List<ArtifactSpec> artifacts) {
    public static final Arguments NONE = new Arguments(null, null);

    public List<ParameterSpec> parametersOrEmpty() {
        return parameters == null ? List.of() : parameters;
    }

    public List<ArtifactSpec> artifactsOrEmpty() {
        return artifacts == null ? List.of() : artifacts;
    }
}
