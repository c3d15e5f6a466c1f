package dev.baton.engine.core;

import dev.baton.model.spec.TemplateRef;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.model.spec.WorkflowSpec;

import java.util.Optional;

/** Finds the template a step, task or hook calls: by name, through {@code templateRef}, or inline. */
final class TemplateResolver {
    private TemplateResolver() {
    }

    /** The template and where names inside it resolve, or why it was not found. */
    record Resolved(TemplateSpec template, TemplateHost host, String error) {
        boolean failed() {
            return error != null;
        }
    }

    static Resolved resolve(RunState state, TemplateHost host, String name, TemplateRef ref, TemplateSpec inline) {
        if (inline != null) {
            TemplateSpec named = inline.name() == null ? inline.withName("") : inline;
            return new Resolved(TemplateDefaults.apply(state, named), host, null);
        }
        if (ref != null) {
            Optional<WorkflowSpec> library = state.context().library().find(ref.name(), ref.isClusterScope());
            if (library.isEmpty()) {
                return new Resolved(null, host, (ref.isClusterScope() ? "cluster workflow template '"
                        : "workflow template '") + ref.name() + "' not found");
            }
            TemplateHost refHost = TemplateHost.of((ref.isClusterScope() ? "cluster/" : "namespaced/") + ref.name(),
                    library.get().templates());
            return refHost.find(ref.template())
                    .map(t -> new Resolved(TemplateDefaults.apply(state, t), refHost, null))
                    .orElseGet(() -> new Resolved(null, host, "template '" + ref.template()
                            + "' not found in workflow template '" + ref.name() + "'"));
        }
        if (name == null) {
            return new Resolved(null, host, "no template named");
        }
        return host.find(name)
                .map(t -> new Resolved(TemplateDefaults.apply(state, t), host, null))
                .orElseGet(() -> new Resolved(null, host, "template '" + name + "' not found"));
    }
}
