package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.WorkflowPhase;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the scheduler knows about one run. The {@link Scheduler} updates it in place, event by
 * event, so that each event costs time proportional to what it changes, never to the run's size.
 */
public final class RunState {
    private final RunContext context;
    private final TemplateHost localTemplates;
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    private final Map<String, NodeState> nodesByName = new HashMap<>();
    private final Map<String, String> idsByName = new HashMap<>();
    private final java.util.Set<String> usedIds = new java.util.HashSet<>();
    private final Map<String, Frame> waiters = new HashMap<>();
    private final Map<String, LeafProgress> runningLeaves = new HashMap<>();
    private final Map<String, java.util.function.Consumer<Tick>> timers = new HashMap<>();
    private RootProgress root;
    private final Map<String, Effect> outstanding = new LinkedHashMap<>();
    private java.util.Set<NodeState> changed = new java.util.LinkedHashSet<>();
    private LifecycleHooks lifecycleHooks = new LifecycleHooks();
    private final Map<String, java.util.function.Consumer<Tick>> memoLookups = new HashMap<>();
    private final Map<String, java.util.function.Consumer<Tick>> lockWaits = new HashMap<>();
    private final Map<String, java.util.Set<String>> heldLocks = new java.util.TreeMap<>();
    private final Map<String, String> globalOutputParameters = new LinkedHashMap<>();
    private final Map<String, ArtifactRef> globalOutputArtifacts = new LinkedHashMap<>();
    private Scope globals;
    private Gate workflowGate;
    private WorkflowPhase phase = WorkflowPhase.Pending;
    private String message;
    private Instant startedAt;
    private Instant finishedAt;
    private boolean shuttingDown;
    private String stopMessage;
    private boolean suspended;
    private final java.util.List<java.util.function.Consumer<Tick>> heldLaunches = new java.util.ArrayList<>();
    private final Map<String, Integer> attemptsBeforeRetry = new HashMap<>();

    public RunState(RunContext context) {
        this.context = context;
        this.localTemplates = TemplateHost.of("local/" + context.runName(), context.spec().templates());
        this.globals = GlobalScope.of(context);
        this.workflowGate = Gate.of(context.spec().parallelism());
        this.suspended = Boolean.TRUE.equals(context.spec().suspend());
    }

    public RunContext context() {
        return context;
    }

    public String runName() {
        return context.runName();
    }

    public WorkflowPhase phase() {
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

    /** Nodes in creation order. */
    public Collection<NodeState> nodes() {
        return nodes.values();
    }

    public NodeState node(String id) {
        return nodes.get(id);
    }

    /**
     * The id of the node with this name: Argo's form (run name and 32-bit hash), with a suffix in the
     * rare case that two names of one run hash alike.
     */
    public String nodeId(String name) {
        String known = idsByName.get(name);
        if (known != null) {
            return known;
        }
        String id = NodeIds.of(context.runName(), name);
        for (int n = 1; !usedIds.add(id); n++) {
            id = NodeIds.of(context.runName(), name) + "-" + n;
        }
        idsByName.put(name, id);
        return id;
    }

    public NodeState nodeByName(String name) {
        return nodesByName.get(name);
    }

    public Map<String, String> globalOutputParameters() {
        return globalOutputParameters;
    }

    public Map<String, ArtifactRef> globalOutputArtifacts() {
        return globalOutputArtifacts;
    }

    /** Leaf nodes that have been launched and not finished. */
    public int runningLeafCount() {
        return runningLeaves.size();
    }

    TemplateHost localTemplates() {
        return localTemplates;
    }

    Scope globals() {
        return globals;
    }

    Gate workflowGate() {
        return workflowGate;
    }

    /** Whether the whole run is suspended (Argo's {@code spec.suspend}): no new step starts. */
    public boolean suspended() {
        return suspended;
    }

    void suspend() {
        suspended = true;
    }

    /** Ends the run's suspension and hands back the step launches it held, in the order they were held. */
    java.util.List<java.util.function.Consumer<Tick>> unsuspend() {
        suspended = false;
        var held = java.util.List.copyOf(heldLaunches);
        heldLaunches.clear();
        return held;
    }

    /** Keeps a step launch until the run is resumed. */
    void hold(java.util.function.Consumer<Tick> launch) {
        heldLaunches.add(launch);
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    void shutDown() {
        shuttingDown = true;
    }

    /** A graceful stop: no new nodes until the entrypoint has ended, then the exit handler may run. */
    void stop(String message) {
        shuttingDown = true;
        stopMessage = message;
    }

    /** The message of a graceful stop, or null when none was asked for. */
    String stopMessage() {
        return stopMessage;
    }

    /** The entrypoint ended after a graceful stop: the exit handler may start its nodes. */
    void allowExitHandler() {
        shuttingDown = false;
    }

    void begin(Instant now) {
        phase = WorkflowPhase.Running;
        startedAt = now;
    }

    /**
     * Forgets everything the run did, back to a run that was never started, so that a retry can schedule it again;
     * the start time is kept, and so are the nodes' attempt counts: a step launched again gets a new attempt number,
     * never confused with what its earlier attempts left.
     */
    void reopen() {
        Instant firstStart = startedAt;
        for (NodeState node : nodes.values()) {
            attemptsBeforeRetry.merge(node.name(), node.attempts(), Math::max);
        }
        nodes.clear();
        nodesByName.clear();
        idsByName.clear();
        usedIds.clear();
        waiters.clear();
        runningLeaves.clear();
        timers.clear();
        root = null;
        outstanding.clear();
        lifecycleHooks = new LifecycleHooks();
        memoLookups.clear();
        lockWaits.clear();
        heldLocks.clear();
        globalOutputParameters.clear();
        globalOutputArtifacts.clear();
        globals = GlobalScope.of(context);
        workflowGate = Gate.of(context.spec().parallelism());
        phase = WorkflowPhase.Pending;
        message = null;
        finishedAt = null;
        shuttingDown = false;
        stopMessage = null;
        suspended = Boolean.TRUE.equals(context.spec().suspend());
        heldLaunches.clear();
        changed.clear();
        startedAt = firstStart;
    }

    /** Puts back the start time of a run that was reopened and started again. */
    void restoreStart(Instant firstStart) {
        if (firstStart != null) {
            startedAt = firstStart;
        }
    }

    void end(Instant now, WorkflowPhase finalPhase, String finalMessage) {
        phase = finalPhase;
        message = finalMessage;
        finishedAt = now;
    }

    void add(NodeState node, Frame waiter) {
        Integer before = attemptsBeforeRetry.get(node.name());
        if (before != null) {
            node.continueAttemptsFrom(before);
        }
        nodes.put(node.id(), node);
        nodesByName.put(node.name(), node);
        if (waiter != null) {
            waiters.put(node.id(), waiter);
        }
    }

    Frame waiterOf(String nodeId) {
        return waiters.get(nodeId);
    }

    Map<String, LeafProgress> runningLeaves() {
        return runningLeaves;
    }

    Map<String, java.util.function.Consumer<Tick>> timers() {
        return timers;
    }

    Map<String, java.util.function.Consumer<Tick>> memoLookups() {
        return memoLookups;
    }

    /** Callbacks waiting for a lock, keyed by {@code holder + "\n" + lock}. */
    Map<String, java.util.function.Consumer<Tick>> lockWaits() {
        return lockWaits;
    }

    /** Locks this run holds now, by lock name, with their holders. */
    public Map<String, java.util.Set<String>> heldLocks() {
        return heldLocks;
    }

    /**
     * Effects whose answer has not come back yet: steps running, timers armed, lookups and lock requests
     * pending. After a restart, replaying the run's events rebuilds this, and the runtime carries them out
     * again (re-attaching to steps rather than starting them anew).
     */
    public java.util.Collection<Effect> outstanding() {
        return java.util.List.copyOf(outstanding.values());
    }

    void expect(String key, Effect effect) {
        outstanding.put(key, effect);
    }

    void answered(String key) {
        outstanding.remove(key);
    }

    void clearOutstanding() {
        outstanding.clear();
    }

    /** Nodes created or changed since the last call (for incremental persistence). */
    public java.util.List<NodeState> takeChanged() {
        if (changed.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<NodeState> nodes = java.util.List.copyOf(changed);
        // a fresh set, not clear(): clearing costs the capacity the set once grew to (a whole fan-out), every batch
        changed = new java.util.LinkedHashSet<>();
        return nodes;
    }

    void touch(NodeState node) {
        changed.add(node);
    }

    LifecycleHooks lifecycleHooks() {
        return lifecycleHooks;
    }

    RootProgress root() {
        return root;
    }

    void root(RootProgress progress) {
        this.root = progress;
    }
}
