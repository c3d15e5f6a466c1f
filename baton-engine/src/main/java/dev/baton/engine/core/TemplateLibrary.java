package dev.baton.engine.core;

import dev.baton.model.spec.WorkflowSpec;

import java.util.Map;
import java.util.Optional;

/** Workflow templates and cluster workflow templates known to the engine, by name. */
public interface TemplateLibrary {
    TemplateLibrary EMPTY = (name, cluster) -> Optional.empty();

    Optional<WorkflowSpec> find(String name, boolean clusterScope);

    static TemplateLibrary of(Map<String, WorkflowSpec> namespaced, Map<String, WorkflowSpec> cluster) {
        return (name, clusterScope) -> Optional.ofNullable(clusterScope ? cluster.get(name) : namespaced.get(name));
    }
}
