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
 */
public record RunContext(String runName, String uid, String namespace, Instant createdAt, Workflow workflow,
                         WorkflowSpec spec, Map<String, String> parameters, TemplateLibrary library) {
}
