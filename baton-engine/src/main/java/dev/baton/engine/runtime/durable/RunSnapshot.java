package dev.baton.engine.runtime.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.core.RunContext;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.template.yaml.RecordTrees;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run needs to be rebuilt after a restart: its name and uid, the workflow as submitted and the
 * workflow templates it could reach, stored together as the run's spec snapshot.
 */
public final class RunSnapshot {
    private static final ObjectMapper JSON = StoredJson.mapper();

    private RunSnapshot() {
    }

    public static String encode(RunContext context) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("runName", context.runName());
        snapshot.put("uid", context.uid());
        snapshot.put("createdAt", context.createdAt().toString());
        snapshot.put("workflow", RecordTrees.toTree(context.workflow()));
        TemplateLibrary.Maps library = context.library().asMaps();
        snapshot.put("namespacedTemplates", specs(library.namespaced()));
        snapshot.put("clusterTemplates", specs(library.cluster()));
        snapshot.put("semaphoreLimits", context.semaphoreLimits() == null ? Map.of() : context.semaphoreLimits());
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the run snapshot", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static RunContext decode(String json) {
        Map<String, Object> snapshot;
        try {
            snapshot = JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable run snapshot: " + e.getMessage(), e);
        }
        Workflow workflow = RecordTrees.fromTree(snapshot.get("workflow"), Workflow.class);
        TemplateLibrary library = TemplateLibrary.of(
                decodeSpecs((Map<String, Object>) snapshot.getOrDefault("namespacedTemplates", Map.of())),
                decodeSpecs((Map<String, Object>) snapshot.getOrDefault("clusterTemplates", Map.of())));
        RunContext restored = RunContexts.restore(workflow, library, Instant.parse((String) snapshot.get("createdAt")),
                (String) snapshot.get("runName"), (String) snapshot.get("uid"));
        Map<String, Integer> limits = new LinkedHashMap<>();
        ((Map<String, Object>) snapshot.getOrDefault("semaphoreLimits", Map.of()))
                .forEach((k, v) -> limits.put(k, ((Number) v).intValue()));
        return new RunContext(restored.runName(), restored.uid(), restored.namespace(), restored.createdAt(),
                restored.workflow(), restored.spec(), restored.parameters(), restored.library(), limits);
    }

    private static Map<String, Object> specs(Map<String, WorkflowSpec> specs) {
        Map<String, Object> out = new LinkedHashMap<>();
        specs.forEach((name, spec) -> out.put(name, RecordTrees.toTree(spec)));
        return out;
    }

    private static Map<String, WorkflowSpec> decodeSpecs(Map<String, Object> trees) {
        Map<String, WorkflowSpec> out = new LinkedHashMap<>();
        trees.forEach((name, tree) -> out.put(name, RecordTrees.fromTree(tree, WorkflowSpec.class)));
        return out;
    }
}
