package dev.baton.template.validate;

import dev.baton.model.naming.ObjectNames;
import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.Manifest;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.template.Problem;
import dev.baton.template.yaml.YamlPath;

import java.util.List;
import java.util.Map;

/**
 * Checks a document's name, generateName, namespace, labels and annotation keys as the Kubernetes API server and
 * Argo do before they store it. Names become keys of runs and of their files, so nothing else may pass.
 */
final class MetadataCheck {
    private MetadataCheck() {
    }

    static void check(Manifest manifest, List<Problem> problems) {
        ObjectMeta meta = manifest.metadata();
        if (meta != null) {
            object(meta, "metadata", maxNameLength(manifest), problems);
        }
        switch (manifest) {
            case Workflow w -> workflowMetadata(w.spec(), "spec", problems);
            case WorkflowTemplate t -> workflowMetadata(t.spec(), "spec", problems);
            case ClusterWorkflowTemplate t -> workflowMetadata(t.spec(), "spec", problems);
            case CronWorkflow c -> {
                if (c.spec() != null) {
                    workflowMetadata(c.spec().workflowSpec(), "spec.workflowSpec", problems);
                    if (c.spec().workflowMetadata() != null) {
                        labels(c.spec().workflowMetadata().labels(), "spec.workflowMetadata.labels", problems);
                        annotationKeys(c.spec().workflowMetadata().annotations(),
                                "spec.workflowMetadata.annotations", problems);
                    }
                }
            }
        }
    }

    /** Argo's limits: a cron workflow's runs are named {@code <name>-<unix time>}, which must fit in 63. */
    private static int maxNameLength(Manifest manifest) {
        return manifest instanceof CronWorkflow ? ObjectNames.ARGO_CRON_MAX : ObjectNames.ARGO_OBJECT_MAX;
    }

    private static void object(ObjectMeta meta, String path, int maxName, List<Problem> problems) {
        if (meta.name() != null) {
            ObjectNames.nameProblem(meta.name(), maxName)
                    .ifPresent(message -> problems.add(Problem.at(YamlPath.key(path, "name"), message)));
        }
        if (meta.generateName() != null) {
            ObjectNames.generateNameProblem(meta.generateName())
                    .ifPresent(message -> problems.add(Problem.at(YamlPath.key(path, "generateName"), message)));
        }
        if (meta.namespace() != null) {
            ObjectNames.namespaceProblem(meta.namespace())
                    .ifPresent(message -> problems.add(Problem.at(YamlPath.key(path, "namespace"), message)));
        }
        labels(meta.labels(), YamlPath.key(path, "labels"), problems);
        annotationKeys(meta.annotations(), YamlPath.key(path, "annotations"), problems);
    }

    private static void workflowMetadata(WorkflowSpec spec, String path, List<Problem> problems) {
        if (spec != null && spec.workflowMetadata() != null) {
            labels(untemplated(spec.workflowMetadata().labels()),
                    YamlPath.key(YamlPath.key(path, "workflowMetadata"), "labels"), problems);
            annotationKeys(spec.workflowMetadata().annotations(),
                    YamlPath.key(YamlPath.key(path, "workflowMetadata"), "annotations"), problems);
        }
    }

    /** Values Argo fills in when the run starts ({@code {{workflow.parameters.x}}}) are checked as empty. */
    private static Map<String, String> untemplated(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        Map<String, String> checked = new java.util.LinkedHashMap<>();
        labels.forEach((key, value) -> checked.put(key, value == null || value.contains("{{") ? "" : value));
        return checked;
    }

    private static void labels(Map<String, String> labels, String path, List<Problem> problems) {
        ObjectNames.labelProblems(labels)
                .forEach((key, message) -> problems.add(Problem.at(YamlPath.key(path, key), message)));
    }

    private static void annotationKeys(Map<String, String> annotations, String path, List<Problem> problems) {
        if (annotations == null) {
            return;
        }
        for (String key : annotations.keySet()) {
            ObjectNames.labelKeyProblem(key)
                    .ifPresent(message -> problems.add(Problem.at(YamlPath.key(path, key), message)));
        }
    }
}
