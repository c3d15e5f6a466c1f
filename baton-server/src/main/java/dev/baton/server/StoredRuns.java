package dev.baton.server;

import dev.baton.engine.runtime.durable.StoredJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.core.RunContext;
import dev.baton.engine.runtime.WorkflowView;
import dev.baton.engine.runtime.durable.RunSnapshot;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.template.yaml.RecordTrees;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads recorded runs back as Argo {@code Workflow} objects. */
public final class StoredRuns {
    private static final ObjectMapper JSON = StoredJson.mapper();

    private StoredRuns() {
    }

    /** A run by name in a namespace, or by uid. */
    public static Optional<RunRecord> find(Store store, String namespace, String nameOrUid) {
        return store.runs().find(namespace, nameOrUid).or(() -> store.runs().findByUid(nameOrUid));
    }

    /** A run as list items show it: metadata and the status without nodes (Argo's list also leaves nodes out). */
    public static Map<String, Object> summary(RunSummary run) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", run.name());
        metadata.put("namespace", run.namespace());
        metadata.put("uid", run.uid());
        metadata.put("creationTimestamp", run.createdAt().toString());
        Map<String, Object> labels = new LinkedHashMap<>(run.labels());
        labels.put("workflows.argoproj.io/phase", run.phase());
        labels.put("workflows.argoproj.io/completed", Boolean.toString(run.finishedAt() != null));
        metadata.put("labels", labels);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", run.phase());
        if (run.startedAt() != null) {
            status.put("startedAt", run.startedAt().toString());
        }
        if (run.finishedAt() != null) {
            status.put("finishedAt", run.finishedAt().toString());
        }
        if (run.message() != null) {
            status.put("message", run.message());
        }
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("metadata", metadata);
        workflow.put("status", status);
        return workflow;
    }

    /** A stored run as Argo's {@code Workflow} object, with its nodes. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> workflow(Store store, RunRecord record) throws IOException {
        RunContext context = RunSnapshot.decode(record.specJson());
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("apiVersion", "argoproj.io/v1alpha1");
        workflow.put("kind", "Workflow");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", record.name());
        metadata.put("namespace", record.namespace());
        metadata.put("uid", record.uid());
        metadata.put("creationTimestamp", record.createdAt().toString());
        Map<String, Object> labels = new LinkedHashMap<>(record.labels());
        labels.put("workflows.argoproj.io/phase", record.phase());
        labels.put("workflows.argoproj.io/completed", Boolean.toString(record.finished()));
        metadata.put("labels", labels);
        if (context.workflow().metadata() != null && context.workflow().metadata().annotations() != null) {
            metadata.put("annotations", context.workflow().metadata().annotations());
        }
        workflow.put("metadata", metadata);
        Map<String, Object> status = record.statusJson() == null || record.statusJson().isBlank()
                ? new LinkedHashMap<>() : JSON.readValue(record.statusJson(), LinkedHashMap.class);
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) RecordTrees.toTree(context.workflow().spec()));
        spec.remove("suspend");
        if (Boolean.TRUE.equals(status.remove(WorkflowView.SUSPENDED))) {
            spec.put("suspend", true);
        }
        workflow.put("spec", spec);
        status.put("phase", record.phase());
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (NodeRow row : store.log().nodes(record.uid())) {
            nodes.put(row.nodeId(), JSON.readValue(row.statusJson(), LinkedHashMap.class));
        }
        status.put("nodes", nodes);
        workflow.put("status", status);
        return workflow;
    }
}
