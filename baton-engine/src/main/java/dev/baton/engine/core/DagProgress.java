package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.TaskSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.depends.DependsExpression;
import dev.baton.template.subst.Unresolved;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running DAG template. Each task keeps a count of unresolved dependencies; a finished task
 * decrements its dependents' counts and evaluates those that reach zero, so the work per event is
 * proportional to the edges it touches.
 */
final class DagProgress implements Frame {
    private final NodeState node;
    private final TemplateSpec template;
    private final Scope scope;
    private final TemplateHost host;
    private final Gate gate;
    private final Map<String, TaskSlot> slots = new LinkedHashMap<>();
    private final Map<String, TaskSlot> byNodeId = new HashMap<>();
    private final Map<String, TaskSlot> byHookId = new HashMap<>();
    private final Set<String> admitted = new HashSet<>();
    private final List<TaskSlot> resolvedOrder = new ArrayList<>();
    private List<String> targets;
    private int unresolved;

    private DagProgress(NodeState node, TemplateSpec template, Scope scope, TemplateHost host) {
        this.node = node;
        this.template = template;
        this.scope = scope;
        this.host = host;
        this.gate = Gate.of(template.parallelism());
    }

    static void start(Tick tick, Call call, Map<String, String> inputs, Scope templateScope) {
        TemplateInvoker.Opened opened = TemplateInvoker.open(tick, call, inputs, templateScope, NodeType.DAG,
                Unresolved.KEEP);
        if (opened == null) {
            return;
        }
        NodeState node = opened.node();
        TemplateSpec template = opened.template();
        DagProgress progress = new DagProgress(node, template, templateScope.child(), call.host());
        String error = progress.plan((TemplateKind.Dag) template.kind());
        if (error != null) {
            tick.finish(node, NodePhase.Error, error);
            return;
        }
        progress.begin(tick);
    }

    private String plan(TemplateKind.Dag dag) {
        List<TaskSpec> tasks = dag.tasks() == null ? List.of() : dag.tasks();
        for (TaskSpec task : tasks) {
            TaskSlot slot = new TaskSlot(task);
            try {
                slot.logic = task.depends() != null && !task.depends().isBlank()
                        ? DependsExpression.parse(task.depends())
                        : task.dependencies() != null && !task.dependencies().isEmpty()
                        ? DependsExpression.allOf(task.dependencies()) : null;
            } catch (IllegalArgumentException e) {
                return "task '" + task.name() + "': invalid depends '" + task.depends() + "': " + e.getMessage();
            }
            slots.put(task.name(), slot);
        }
        Set<String> hasDependents = new HashSet<>();
        for (TaskSlot slot : slots.values()) {
            if (slot.logic == null) {
                continue;
            }
            for (String dep : slot.logic.tasks()) {
                TaskSlot parent = slots.get(dep);
                if (parent == null) {
                    return "task '" + slot.spec.name() + "' depends on unknown task '" + dep + "'";
                }
                slot.dependencies.add(parent);
                parent.dependents.add(slot);
                hasDependents.add(dep);
            }
        }
        targets = new ArrayList<>();
        if (dag.target() != null && !dag.target().isBlank()) {
            for (String name : dag.target().trim().split("\\s+")) {
                if (!slots.containsKey(name)) {
                    return "target '" + name + "' is not a task of the DAG";
                }
                targets.add(name);
            }
        } else {
            slots.keySet().stream().filter(n -> !hasDependents.contains(n)).forEach(targets::add);
        }
        markNeeded();
        return null;
    }

    private void markNeeded() {
        Deque<TaskSlot> work = new ArrayDeque<>();
        targets.forEach(t -> work.add(slots.get(t)));
        while (!work.isEmpty()) {
            TaskSlot slot = work.poll();
            if (slot.needed) {
                continue;
            }
            slot.needed = true;
            unresolved++;
            work.addAll(slot.dependencies);
        }
        for (TaskSlot slot : slots.values()) {
            slot.waiting = slot.needed ? slot.dependencies.size() : 0;
        }
    }

    private void begin(Tick tick) {
        if (unresolved == 0) {
            complete(tick);
            return;
        }
        for (TaskSlot slot : slots.values()) {
            if (slot.needed && slot.waiting == 0) {
                decide(tick, slot);
            }
        }
    }

    /** Every dependency is resolved: run the task, or omit it when its depends logic is false. */
    private void decide(Tick tick, TaskSlot slot) {
        if (slot.logic != null) {
            boolean run;
            try {
                run = slot.logic.evaluate((task, result) -> TaskResults.holds(slots.get(task), result));
            } catch (RuntimeException e) {
                placeholder(tick, slot, NodePhase.Error, e.getMessage());
                return;
            }
            if (!run) {
                placeholder(tick, slot, NodePhase.Omitted, "omitted: depends condition not met");
                return;
            }
        }
        gate.submit(tick, t -> run(t, slot));
    }

    private void placeholder(Tick tick, TaskSlot slot, NodePhase phase, String message) {
        NodeState placeholder = InvocationStart.placeholder(tick, placement(slot, taskNodeName(slot), slot.spec.name(),
                null), slot.spec, phase, message);
        slot.node = placeholder;
        byNodeId.put(placeholder.id(), slot);
        linkUnderDependencies(tick, slot, placeholder);
    }

    private void run(Tick tick, TaskSlot slot) {
        String name = taskNodeName(slot);
        admitted.add(tick.state.nodeId(name));
        if (!slot.spec.isLoop()) {
            byNodeId.put(tick.state.nodeId(name), slot);
            InvocationStart.start(tick, slot.spec, scope, placement(slot, name, slot.spec.name(), null));
            slot.node = tick.state.nodeByName(name);
            if (slot.node != null) {
                linkUnderDependencies(tick, slot, slot.node);
            }
            return;
        }
        TaskLoops.expand(tick, this, slot, name);
    }

    String taskNodeName(TaskSlot slot) {
        return node.name() + "." + slot.spec.name();
    }

    InvocationStart.Placement placement(TaskSlot slot, String nodeName, String displayName, String parentId) {
        return new InvocationStart.Placement(nodeName, displayName, parentId, node.id(), host, this);
    }

    void linkUnderDependencies(Tick tick, TaskSlot slot, NodeState taskNode) {
        if (taskNode == null) {
            return;
        }
        if (slot.dependencies.isEmpty()) {
            node.addChild(taskNode.id());
            return;
        }
        for (TaskSlot dep : slot.dependencies) {
            if (dep.node != null) {
                dep.node.addChild(taskNode.id());
            }
        }
    }

    Scope scope() {
        return scope;
    }

    TemplateHost host() {
        return host;
    }

    NodeState node() {
        return node;
    }

    Map<String, TaskSlot> byNodeId() {
        return byNodeId;
    }

    @Override
    public void childFinished(Tick tick, NodeState child) {
        TaskSlot hookOwner = byHookId.remove(child.id());
        if (hookOwner != null) {
            resolve(tick, hookOwner);
            return;
        }
        TaskSlot slot = byNodeId.get(child.id());
        if (slot == null) {
            return;
        }
        if (slot.node != null && slot.node != child && slot.node.type() == NodeType.TaskGroup) {
            TaskLoops.itemFinished(tick, slot, child);
            return;
        }
        if (slot.node == null) {
            slot.node = child;
            linkUnderDependencies(tick, slot, child);
        }
        publish(tick, slot);
        if (child.type() != NodeType.Skipped && !tick.state.shuttingDown()) {
            var hookId = ExitHooks.start(tick, slot.spec, child, scope, "tasks." + slot.spec.name(), node.id(),
                    host, this);
            if (hookId.isPresent()) {
                byHookId.put(hookId.get(), slot);
                return;
            }
        }
        resolve(tick, slot);
    }

    private void publish(Tick tick, TaskSlot slot) {
        String prefix = "tasks." + slot.spec.name();
        if (slot.spec.isLoop() && slot.node.type() == NodeType.TaskGroup) {
            NodeOutputs.publishLoop(scope, prefix, slot.node, slot.items);
        } else {
            TemplateResolver.Resolved r = TemplateResolver.resolve(tick.state, host, slot.spec.template(),
                    slot.spec.templateRef(), slot.spec.inline());
            NodeOutputs.publish(scope, prefix, slot.node, r.failed() ? null : r.template());
        }
    }

    private void resolve(Tick tick, TaskSlot slot) {
        if (slot.resolved) {
            return;
        }
        slot.resolved = true;
        resolvedOrder.add(slot);
        if (slot.node != null && admitted.remove(slot.node.id())) {
            gate.release(tick);
        }
        unresolved--;
        if (!tick.state.shuttingDown()) {
            for (TaskSlot dependent : slot.dependents) {
                if (dependent.needed && --dependent.waiting == 0) {
                    decide(tick, dependent);
                }
            }
        }
        if (unresolved == 0 || (tick.state.shuttingDown() && admitted.isEmpty())) {
            complete(tick);
        }
    }

    private void complete(Tick tick) {
        if (node.isFulfilled()) {
            return;
        }
        boolean failFast = ((TemplateKind.Dag) template.kind()).failFastOrDefault();
        NodePhase phase = DagAssessment.phase(targets, slots, resolvedOrder, failFast);
        if (tick.state.shuttingDown() && phase == NodePhase.Succeeded) {
            phase = NodePhase.Failed;
        }
        CompositeOutputs.finish(tick, node, template, scope, phase, null);
    }
}
