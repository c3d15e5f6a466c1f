package dev.baton.model.spec;

import java.util.List;

/** What a template produces; {@code result} and {@code exitCode} are filled in at run time. */
public record Outputs(List<ParameterSpec> parameters, List<ArtifactSpec> artifacts, String result,
                      String exitCode) {
    public List<ParameterSpec> parametersOrEmpty() {
        return parameters == null ? List.of() : parameters;
    }

    public List<ArtifactSpec> artifactsOrEmpty() {
        return artifacts == null ? List.of() : artifacts;
    }
}
