package dev.baton.model.spec;

/** A top-level document Baton reads: one of Argo's four user-authored kinds. */
public sealed interface Manifest permits Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow {
    String apiVersion();

    String kind();

    ObjectMeta metadata();

    /** The name, or the generateName prefix when no name is set. */
    default String displayName() {
        if (metadata() == null) {
            return "";
        }
        if (metadata().name() != null) {
            return metadata().name();
        }
        return metadata().generateName() == null ? "" : metadata().generateName();
    }
}
