package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;

/** Publishes outputs that carry a {@code globalName} as {@code workflow.outputs.*}. */
final class OutputExport {
    private OutputExport() {
    }

    static void toGlobals(RunState state, TemplateSpec template, NodeState node) {
        Scope globals = state.globals();
        for (ParameterSpec p : template.outputsOrEmpty().parametersOrEmpty()) {
            String value = node.outputParameters().get(p.name());
            if (p.globalName() != null && value != null) {
                state.globalOutputParameters().put(p.globalName(), value);
                globals.put("workflow.outputs.parameters." + p.globalName(), value);
            }
        }
        for (ArtifactSpec a : template.outputsOrEmpty().artifactsOrEmpty()) {
            ArtifactRef ref = node.outputArtifacts().get(a.name());
            if (a.globalName() != null && ref != null) {
                state.globalOutputArtifacts().put(a.globalName(), ref);
                globals.put("workflow.outputs.artifacts." + a.globalName(), ArtifactTags.encode(ref));
            }
        }
    }
}
