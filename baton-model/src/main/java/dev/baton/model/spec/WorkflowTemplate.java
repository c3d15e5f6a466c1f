package dev.baton.model.spec;

/** A namespaced library of templates with a default workflow spec. */
public record WorkflowTemplate(String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec)
        implements Manifest {
}
