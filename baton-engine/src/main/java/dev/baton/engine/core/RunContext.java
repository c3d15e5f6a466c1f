package dev.baton.engine.core;

import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;

import java.time.Instant;
import java.util.Map;

/**
 * What does not change during a run: its identity, the spec it executes and the workflow parameters.
 *
 * @param runName    the workflow's name
 * @param uid        a unique id
 * @param namespace  the namespace (default {@code default})
 * @param createdAt  when the run was created
 * @param workflow   the workflow as submitted
 * @param spec       the spec executed (after {@code workflowTemplateRef} is merged)
 * @param parameters effective workflow parameter values, in declaration order
 * @param library    workflow templates reachable through {@code templateRef}
 * @param semaphoreLimits sizes of semaphores by {@code <config-map>/<key>} (Argo reads them from config maps)
 */
public record RunContext(String runName, String uid, String namespace, Instant createdAt, Workflow workflow,
                         WorkflowSpec spec, Map<String, String> parameters, TemplateLibrary library,
                         Map<String, Integer> semaphoreLimits) {

    public RunContext(String runName, String uid, String namespace, Instant createdAt, Workflow workflow,
                      WorkflowSpec spec, Map<String, String> parameters, TemplateLibrary library) {
        this(runName, uid, namespace, createdAt, workflow, spec, parameters, library, Map.of());
    }

    /** The size of a semaphore named {@code <config-map>/<key>}; 1 unless configured. */
    public int semaphoreLimit(String name) {
        return semaphoreLimits == null ? 1 : semaphoreLimits.getOrDefault(name, 1);
    }
}
