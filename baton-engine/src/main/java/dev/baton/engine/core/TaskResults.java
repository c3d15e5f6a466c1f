package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;

/** Answers a {@code depends} operand such as {@code A}, {@code A.Failed} or {@code A.AnySucceeded}. */
final class TaskResults {
    private TaskResults() {
    }

    static boolean holds(TaskSlot slot, String result) {
        if (slot == null || slot.node == null) {
            return false;
        }
        NodePhase phase = slot.node.phase();
        if (result == null) {
            return phase == NodePhase.Succeeded || phase == NodePhase.Skipped
                    || (phase == NodePhase.Failed && slot.spec.continuesOnFailed())
                    || (phase == NodePhase.Error && slot.spec.continuesOnError());
        }
        return switch (result) {
            case "Succeeded" -> phase == NodePhase.Succeeded;
            case "Failed" -> phase == NodePhase.Failed;
            case "Errored" -> phase == NodePhase.Error;
            case "Skipped" -> phase == NodePhase.Skipped;
            case "Omitted" -> phase == NodePhase.Omitted;
            case "Daemoned" -> false;
            case "AnySucceeded" -> slot.items.stream().anyMatch(n -> n.phase() == NodePhase.Succeeded);
            case "AllFailed" -> !slot.items.isEmpty() && slot.items.stream().allMatch(n -> n.phase() == NodePhase.Failed);
            default -> throw new IllegalArgumentException("unknown task result '" + result + "'");
        };
    }
}
