package dev.baton.engine.core;

import dev.baton.model.naming.ObjectNames;
import dev.baton.model.spec.Arguments;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prepares a submitted workflow for running: its name, and the spec after {@code workflowTemplateRef}. */
public final class RunContexts {
    private RunContexts() {
    }

    /**
     * @param nameSuffix appended to {@code generateName} (cut to 58 characters, as Kubernetes does) when the
     *                   workflow has no name (5 random characters)
     * @param uid        a unique id for the run
     */
    public static RunContext of(Workflow workflow, TemplateLibrary library, Instant now, String nameSuffix, String uid) {
        String name = workflow.metadata() != null && workflow.metadata().name() != null
                ? workflow.metadata().name()
                : ObjectNames.generated(workflow.metadata() != null && workflow.metadata().generateName() != null
                ? workflow.metadata().generateName() : "workflow-", nameSuffix);
        return restore(workflow, library, now, name, uid);
    }

    /** The context of a run whose name and uid are already decided (e.g. read back from the store). */
    public static RunContext restore(Workflow workflow, TemplateLibrary library, Instant createdAt, String runName,
                                     String uid) {
        String namespace = workflow.metadata() != null && workflow.metadata().namespace() != null
                ? workflow.metadata().namespace() : "default";
        WorkflowSpec spec = effectiveSpec(workflow.spec(), library);
        return new RunContext(runName, uid, namespace, createdAt, workflow, spec, parameters(spec), library);
    }

    /** A workflow that refers to a template takes its spec, with its own entrypoint, arguments and set fields winning. */
    static WorkflowSpec effectiveSpec(WorkflowSpec own, TemplateLibrary library) {
        if (own == null || own.workflowTemplateRef() == null) {
            return own;
        }
        var ref = own.workflowTemplateRef();
        WorkflowSpec base = library.find(ref.name(), Boolean.TRUE.equals(ref.clusterScope())).orElse(null);
        if (base == null) {
            return own;
        }
        WorkflowSpec merged = TemplateDefaults.fillNulls(own, base);
        Arguments arguments = mergeArguments(own.arguments(), base.arguments());
        return new WorkflowSpec(merged.templates(), merged.entrypoint(), arguments, merged.parallelism(),
                merged.artifactRepositoryRef(), merged.suspend(), merged.onExit(), merged.hooks(),
                merged.activeDeadlineSeconds(), merged.priority(), merged.shutdown(), null, merged.synchronization(),
                merged.retryStrategy(), merged.templateDefaults(), merged.archiveLogs(), merged.metrics(),
                merged.workflowMetadata(), merged.pod(), merged.lifecycle());
    }

    private static Arguments mergeArguments(Arguments own, Arguments base) {
        if (base == null) {
            return own;
        }
        if (own == null) {
            return base;
        }
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        base.parametersOrEmpty().forEach(p -> byName.put(p.name(), p));
        own.parametersOrEmpty().forEach(p -> byName.put(p.name(), p));
        return new Arguments(List.copyOf(byName.values()),
                own.artifacts() != null ? own.artifacts() : base.artifacts());
    }

    private static Map<String, String> parameters(WorkflowSpec spec) {
        Map<String, String> values = new LinkedHashMap<>();
        if (spec == null || spec.arguments() == null) {
            return values;
        }
        for (ParameterSpec p : spec.arguments().parametersOrEmpty()) {
            String value = p.value() != null ? p.value() : p.defaultValue();
            if (value != null) {
                values.put(p.name(), value);
            }
        }
        return values;
    }
}
