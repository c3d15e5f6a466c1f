package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/** The status of one node, with the fields of Argo's {@code status.nodes[id]}. */
public final class NodeState {
    private final String id;
    private final String name;
    private final String displayName;
    private final NodeType type;
    private final String templateName;
    private final String boundaryId;
    private final Set<String> children = new LinkedHashSet<>();
    private NodePhase phase = NodePhase.Pending;
    private String message;
    private Instant startedAt;
    private Instant finishedAt;
    private Map<String, String> inputParameters = Map.of();
    private final Map<String, String> outputParameters = new LinkedHashMap<>();
    private final Map<String, ArtifactRef> outputArtifacts = new LinkedHashMap<>();
    private final Map<String, ArtifactRef> inputArtifacts = new LinkedHashMap<>();
    private final Map<String, ArtifactRef> logs = new LinkedHashMap<>();
    private String result;
    private String exitCode;
    private int attempts;
    private Memoization memoization;
    private String waitingFor;

    public NodeState(String id, String name, String displayName, NodeType type, String templateName,
                     String boundaryId) {
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.type = type;
        this.templateName = templateName;
        this.boundaryId = boundaryId;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public NodeType type() {
        return type;
    }

    public String templateName() {
        return templateName;
    }

    public String boundaryId() {
        return boundaryId;
    }

    /** Ids of the nodes listed under this one, in the order they were added. */
    public Set<String> children() {
        return Collections.unmodifiableSet(children);
    }

    public NodePhase phase() {
        return phase;
    }

    public String message() {
        return message;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Map<String, String> inputParameters() {
        return inputParameters;
    }

    public Map<String, String> outputParameters() {
        return outputParameters;
    }

    public Map<String, ArtifactRef> outputArtifacts() {
        return outputArtifacts;
    }

    public Map<String, ArtifactRef> inputArtifacts() {
        return inputArtifacts;
    }

    /** The step's standard output and error kept in the artifact store, by stream name. */
    public Map<String, ArtifactRef> logs() {
        return logs;
    }

    public String result() {
        return result;
    }

    public String exitCode() {
        return exitCode;
    }

    /** How many launch attempts of this node the engine has issued (leaf nodes). */
    public int attempts() {
        return attempts;
    }

    /** How memoization went for this node, or null when its template is not memoized. */
    public Memoization memoization() {
        return memoization;
    }

    void memoization(Memoization value) {
        this.memoization = value;
    }

    /**
     * The node's memoization: its key and cache, and whether outputs were reused.
     *
     * @param hit null while the lookup is under way
     */
    public record Memoization(String key, String cacheName, Boolean hit) {
    }

    public boolean isFulfilled() {
        return phase.isFulfilled();
    }

    void addChild(String childId) {
        children.add(childId);
    }

    void start(Instant now, NodePhase initial) {
        this.startedAt = now;
        this.phase = initial;
    }

    void phase(NodePhase newPhase) {
        this.phase = newPhase;
    }

    void finish(Instant now, NodePhase finalPhase, String finalMessage) {
        this.phase = finalPhase;
        if (finalMessage != null) {
            this.message = finalMessage;
        }
        if (startedAt == null) {
            startedAt = now;
        }
        this.finishedAt = now;
    }

    /** Puts back the times of a node that a retry kept from the first run. */
    void restoreTimes(Instant started, Instant finished) {
        this.startedAt = started;
        this.finishedAt = finished;
    }

    void message(String newMessage) {
        this.message = newMessage;
    }

    void inputParameters(Map<String, String> values) {
        this.inputParameters = new LinkedHashMap<>(values);
    }

    void result(String value) {
        this.result = value;
    }

    void exitCode(String value) {
        this.exitCode = value;
    }

    /** Numbers this node's next attempt after those of an earlier run of the same node (a retried run). */
    void continueAttemptsFrom(int earlier) {
        attempts = Math.max(attempts, earlier);
    }

    int nextAttempt() {
        return attempts++;
    }
}
