package dev.baton.model.spec;

import dev.baton.model.binding.Inline;

import java.util.List;
import java.util.Map;

/** The spec shared by workflows and workflow templates. */
public record WorkflowSpec(
        List<TemplateSpec> templates,
        String entrypoint,
        Arguments arguments,
        IntOrString parallelism,
        ArtifactRepositoryRef artifactRepositoryRef,
        Boolean suspend,
        String onExit,
        Map<String, LifecycleHook> hooks,
        IntOrString activeDeadlineSeconds,
        Integer priority,
        String shutdown,
        WorkflowTemplateRef workflowTemplateRef,
        Synchronization synchronization,
        RetryStrategy retryStrategy,
        TemplateSpec templateDefaults,
        Boolean archiveLogs,
        Metrics metrics,
        WorkflowMetadata workflowMetadata,
        @Inline PodSettings pod,
        @Inline LifecycleSettings lifecycle) {

    /** A reference to a (cluster) workflow template whose whole spec is used. */
    public record WorkflowTemplateRef(String name, Boolean clusterScope) {
    }

    /** Which configured artifact repository holds this workflow's artifacts. */
    public record ArtifactRepositoryRef(String configMap, String key) {
    }

    /** Labels and annotations given to the run, possibly computed by expressions. */
    public record WorkflowMetadata(Map<String, String> labels, Map<String, String> annotations,
                                   Map<String, LabelValueFrom> labelsFrom) {
    }

    /** An expression computing a label value. */
    public record LabelValueFrom(String expression) {
    }
}
