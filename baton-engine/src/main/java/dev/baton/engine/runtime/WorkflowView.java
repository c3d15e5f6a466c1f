package dev.baton.engine.runtime;

import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.StoredValue;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.template.yaml.RecordTrees;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run as an Argo {@code Workflow} object: metadata, spec and status with its nodes, as plain maps for JSON. */
public final class WorkflowView {
    private WorkflowView() {
    }

    public static Map<String, Object> of(RunState state) {
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("apiVersion", "argoproj.io/v1alpha1");
        workflow.put("kind", "Workflow");
        workflow.put("metadata", metadata(state));
        workflow.put("spec", spec(state));
        workflow.put("status", status(state));
        return workflow;
    }

    /** The submitted spec, with {@code suspend} telling whether the run is suspended now (as Argo's object does). */
    @SuppressWarnings("unchecked")
    private static Object spec(RunState state) {
        Object tree = RecordTrees.toTree(state.context().workflow().spec());
        if (!(tree instanceof Map<?, ?> map)) {
            return tree;
        }
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) map);
        if (state.suspended()) {
            spec.put("suspend", true);
        } else {
            spec.remove("suspend");
        }
        return spec;
    }

    private static Map<String, Object> metadata(RunState state) {
        Map<String, Object> meta = new LinkedHashMap<>();
        ObjectMeta original = state.context().workflow().metadata();
        meta.put("name", state.runName());
        if (original != null && original.generateName() != null) {
            meta.put("generateName", original.generateName());
        }
        meta.put("namespace", state.context().namespace());
        meta.put("uid", state.context().uid());
        meta.put("creationTimestamp", time(state.context().createdAt()));
        Map<String, Object> labels = new LinkedHashMap<>();
        if (original != null && original.labels() != null) {
            labels.putAll(original.labels());
        }
        labels.put("workflows.argoproj.io/phase", state.phase().name());
        labels.put("workflows.argoproj.io/completed", Boolean.toString(state.phase().isFinished()));
        meta.put("labels", labels);
        if (original != null && original.annotations() != null) {
            meta.put("annotations", original.annotations());
        }
        return meta;
    }

    /**
     * {@code status} without its nodes (the store keeps nodes as rows of their own). A suspended run also carries
     * {@value #SUSPENDED}, which a reader of the stored form turns back into {@code spec.suspend}.
     */
    public static Map<String, Object> statusWithoutNodes(RunState state) {
        Map<String, Object> status = status(state, false);
        if (state.suspended()) {
            status.put(SUSPENDED, true);
        }
        return status;
    }

    /** The stored status's mark of a suspended run (not part of Argo's status). */
    public static final String SUSPENDED = "batonSuspended";

    /** {@code metadata} as Argo shows it. */
    public static Map<String, Object> metadataOf(RunState state) {
        return metadata(state);
    }

    private static Map<String, Object> status(RunState state) {
        return status(state, true);
    }

    private static Map<String, Object> status(RunState state, boolean withNodes) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", state.phase().name());
        putIfPresent(status, "startedAt", time(state.startedAt()));
        putIfPresent(status, "finishedAt", time(state.finishedAt()));
        putIfPresent(status, "message", state.message());
        if (withNodes) {
            Map<String, Object> nodes = new LinkedHashMap<>();
            for (NodeState node : state.nodes()) {
                nodes.put(node.id(), node(state, node));
            }
            status.put("nodes", nodes);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (!state.globalOutputParameters().isEmpty()) {
            outputs.put("parameters", parameters(state.globalOutputParameters()));
        }
        if (!state.globalOutputArtifacts().isEmpty()) {
            outputs.put("artifacts", artifacts(state.globalOutputArtifacts()));
        }
        if (!outputs.isEmpty()) {
            status.put("outputs", outputs);
        }
        if (!state.heldLocks().isEmpty()) {
            status.put("synchronization", synchronization(state));
        }
        return status;
    }

    /** Argo's {@code status.synchronization}: the mutexes and semaphores and who holds them now. */
    private static Map<String, Object> synchronization(RunState state) {
        List<Object> mutexes = new ArrayList<>();
        List<Object> semaphores = new ArrayList<>();
        state.heldLocks().forEach((lock, holders) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(lock.contains("/Mutex/") ? "mutex" : "semaphore", lock);
            entry.put("holders", new ArrayList<>(holders));
            (lock.contains("/Mutex/") ? mutexes : semaphores).add(entry);
        });
        Map<String, Object> sync = new LinkedHashMap<>();
        if (!mutexes.isEmpty()) {
            sync.put("mutex", Map.of("holding", mutexes));
        }
        if (!semaphores.isEmpty()) {
            sync.put("semaphore", Map.of("holding", semaphores));
        }
        return sync;
    }

    /** One entry of {@code status.nodes}. */
    public static Map<String, Object> node(RunState state, NodeState node) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", node.id());
        n.put("name", node.name());
        n.put("displayName", node.displayName());
        n.put("type", node.type().name());
        putIfPresent(n, "templateName", node.templateName());
        n.put("templateScope", "local/" + state.runName());
        n.put("phase", node.phase().name());
        putIfPresent(n, "boundaryID", node.boundaryId());
        putIfPresent(n, "message", node.message());
        putIfPresent(n, "startedAt", time(node.startedAt()));
        putIfPresent(n, "finishedAt", time(node.finishedAt()));
        if (!node.inputParameters().isEmpty() || !node.inputArtifacts().isEmpty()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            if (!node.inputParameters().isEmpty()) {
                inputs.put("parameters", parameters(node.inputParameters()));
            }
            if (!node.inputArtifacts().isEmpty()) {
                inputs.put("artifacts", artifacts(node.inputArtifacts()));
            }
            n.put("inputs", inputs);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (!node.outputParameters().isEmpty()) {
            outputs.put("parameters", parameters(node.outputParameters()));
        }
        if (!node.outputArtifacts().isEmpty()) {
            outputs.put("artifacts", artifacts(node.outputArtifacts()));
        }
        StoredValue storedResult = StoredValue.of(node.result());
        if (storedResult != null) {
            outputs.put("storedResult", stored(storedResult));
        } else {
            putIfPresent(outputs, "result", node.result());
        }
        putIfPresent(outputs, "exitCode", node.exitCode());
        if (!outputs.isEmpty()) {
            n.put("outputs", outputs);
        }
        if (!node.children().isEmpty()) {
            n.put("children", new ArrayList<>(node.children()));
        }
        if (node.type() == dev.baton.model.run.NodeType.Pod) {
            n.put("hostNodeName", "localhost");
        }
        if (!node.logs().isEmpty()) {
            Map<String, Object> logs = new LinkedHashMap<>();
            node.logs().forEach((stream, ref) -> logs.put(stream, ref.digest()));
            n.put("logs", logs);
        }
        if (node.memoization() != null) {
            Map<String, Object> memo = new LinkedHashMap<>();
            memo.put("hit", Boolean.TRUE.equals(node.memoization().hit()));
            memo.put("key", node.memoization().key());
            memo.put("cacheName", node.memoization().cacheName());
            n.put("memoizationStatus", memo);
        }
        return n;
    }

    private static List<Object> parameters(Map<String, String> values) {
        List<Object> list = new ArrayList<>();
        values.forEach((name, value) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            StoredValue stored = StoredValue.of(value);
            if (stored != null) {
                p.put("storedValue", stored(stored));
            } else {
                p.put("value", value);
            }
            list.add(p);
        });
        return list;
    }

    /** A value kept in the artifact store, shown by address instead of text: {@code {digest, size}}. */
    private static Map<String, Object> stored(StoredValue value) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("digest", value.digest());
        reference.put("size", value.size());
        return reference;
    }

    private static List<Object> artifacts(Map<String, ArtifactRef> refs) {
        List<Object> list = new ArrayList<>();
        refs.forEach((name, ref) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            a.put("digest", ref.digest());
            a.put("size", ref.size());
            if (ref.directory()) {
                a.put("directory", true);
            }
            if (ref.key() != null) {
                location(a, ref.key());
            }
            list.add(a);
        });
        return list;
    }

    /** Argo's location block: {@code s3: {bucket, key}} for a repository copy, else Baton's own key. */
    private static void location(Map<String, Object> artifact, String key) {
        Map<String, Object> location = new LinkedHashMap<>();
        if (key.startsWith("s3://") && key.indexOf('/', 5) > 5) {
            location.put("bucket", key.substring(5, key.indexOf('/', 5)));
            location.put("key", key.substring(key.indexOf('/', 5) + 1));
            artifact.put("s3", location);
        } else if (key.startsWith("filesystem:")) {
            location.put("key", key.substring("filesystem:".length()));
            artifact.put("filesystem", location);
        } else {
            location.put("key", key);
            artifact.put("baton", location);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
