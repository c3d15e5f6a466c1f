package dev.baton.model.spec;

/** A cluster-scoped {@link WorkflowTemplate}. */
public record ClusterWorkflowTemplate(String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec)
        implements Manifest {
}
