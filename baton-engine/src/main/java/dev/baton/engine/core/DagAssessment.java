package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a finished DAG's phase as Argo does: each target task (or leaf) carries a branch phase — its
 * own when it ran, else (omitted) the worst of its dependencies' — and a failing branch fails the DAG
 * unless the target's {@code continueOn} covers it.
 */
final class DagAssessment {
    private DagAssessment() {
    }

    static NodePhase phase(List<String> targets, Map<String, TaskSlot> slots, List<TaskSlot> resolvedOrder,
                           boolean failFast) {
        Map<TaskSlot, NodePhase> branch = new HashMap<>();
        for (TaskSlot slot : resolvedOrder) {
            branch.put(slot, branchPhase(slot, branch));
        }
        NodePhase result = NodePhase.Succeeded;
        for (String target : targets) {
            TaskSlot slot = slots.get(target);
            NodePhase phase = branch.get(slot);
            if (phase == null) {
                continue;
            }
            if (phase.isFailure() && !StepGroupProgress.continues(slot.spec, phase)) {
                result = phase;
                if (failFast) {
                    break;
                }
            }
        }
        return result;
    }

    private static NodePhase branchPhase(TaskSlot slot, Map<TaskSlot, NodePhase> branch) {
        NodePhase own = slot.node == null ? NodePhase.Omitted : slot.node.phase();
        if (own != NodePhase.Omitted) {
            return own;
        }
        NodePhase inherited = NodePhase.Succeeded;
        for (TaskSlot dep : slot.dependencies) {
            NodePhase p = branch.getOrDefault(dep, NodePhase.Succeeded);
            if (p.isFailure() && !inherited.isFailure()) {
                inherited = p;
            }
        }
        return inherited;
    }
}
