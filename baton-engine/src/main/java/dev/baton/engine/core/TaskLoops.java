package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.loop.LoopExpansion;
import dev.baton.engine.core.loop.LoopItem;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.TaskSpec;
import dev.baton.template.subst.Unresolved;

import java.util.Comparator;
import java.util.List;

/** Expands a looped DAG task into a {@code TaskGroup} node with one child per item. */
final class TaskLoops {
    private TaskLoops() {
    }

    static void expand(Tick tick, DagProgress dag, TaskSlot slot, String name) {
        TaskSpec spec = slot.spec;
        LoopExpansion.Result expansion;
        if (spec.withItems() != null) {
            expansion = LoopExpansion.expand(spec);
        } else {
            TaskSpec loopOnly = new TaskSpec(spec.name(), null, null, null, null, null, null, spec.withParam(),
                    spec.withSequence(), null, null, null, null, null);
            expansion = switch (Substituter.apply(loopOnly, dag.scope(), Unresolved.ERROR)) {
                case Substituter.Outcome.Failed<TaskSpec> f -> new LoopExpansion.Result(List.of(), f.message());
                case Substituter.Outcome.Done<TaskSpec> d -> LoopExpansion.expand(d.value());
            };
        }
        if (expansion.error() != null || expansion.items().isEmpty()) {
            NodePhase phase = expansion.error() != null ? NodePhase.Error : NodePhase.Skipped;
            String message = expansion.error() != null ? expansion.error() : "Skipped, empty params";
            NodeState placeholder = InvocationStart.placeholder(tick, dag.placement(slot, name, spec.name(), null),
                    spec, phase, message);
            slot.node = placeholder;
            dag.byNodeId().put(placeholder.id(), slot);
            dag.linkUnderDependencies(tick, slot, placeholder);
            return;
        }
        NodeState group = new NodeState(tick.state.nodeId(name), name, spec.name(), NodeType.TaskGroup,
                spec.template(), dag.node().id());
        tick.createNode(group, null, dag);
        group.start(tick.now, NodePhase.Running);
        slot.node = group;
        dag.byNodeId().put(group.id(), slot);
        dag.linkUnderDependencies(tick, slot, group);
        slot.itemsRemaining = expansion.items().size();
        for (LoopItem item : expansion.items()) {
            Scope itemScope = item.bind(dag.scope().child());
            String itemName = name + item.suffix();
            dag.byNodeId().put(tick.state.nodeId(itemName), slot);
            InvocationStart.start(tick, spec, itemScope, dag.placement(slot, itemName, spec.name() + item.suffix(),
                    group.id()));
        }
    }

    static void itemFinished(Tick tick, TaskSlot slot, NodeState item) {
        slot.items.add(item);
        if (--slot.itemsRemaining > 0) {
            return;
        }
        slot.items.sort(Comparator.comparingInt(NodeOutputs::loopIndex));
        NodePhase phase = NodePhase.Succeeded;
        for (NodeState n : slot.items) {
            if (n.phase().isFailure()) {
                phase = n.phase();
            }
        }
        tick.finish(slot.node, phase, null);
    }
}
