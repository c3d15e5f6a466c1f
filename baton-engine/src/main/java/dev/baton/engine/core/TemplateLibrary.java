package dev.baton.engine.core;

import dev.baton.model.spec.WorkflowSpec;

import java.util.Map;
import java.util.Optional;

/** Workflow templates and cluster workflow templates known to the engine, by name. */
public interface TemplateLibrary {
    TemplateLibrary EMPTY = (name, cluster) -> Optional.empty();

    Optional<WorkflowSpec> find(String name, boolean clusterScope);

    static TemplateLibrary of(Map<String, WorkflowSpec> namespaced, Map<String, WorkflowSpec> cluster) {
        return new Maps(Map.copyOf(namespaced), Map.copyOf(cluster));
    }

    /** The templates by name, so a run can record the library it used. */
    default Maps asMaps() {
        return new Maps(Map.of(), Map.of());
    }

    /** A library held in two maps: namespaced and cluster-scoped templates by name. */
    record Maps(Map<String, WorkflowSpec> namespaced, Map<String, WorkflowSpec> cluster) implements TemplateLibrary {
        @Override
        public Optional<WorkflowSpec> find(String name, boolean clusterScope) {
            return Optional.ofNullable(clusterScope ? cluster.get(name) : namespaced.get(name));
        }

        @Override
        public Maps asMaps() {
            return this;
        }
    }
}
