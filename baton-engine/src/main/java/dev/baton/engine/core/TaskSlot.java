package dev.baton.engine.core;

import dev.baton.model.spec.TaskSpec;
import dev.baton.template.depends.DependsExpression;

import java.util.ArrayList;
import java.util.List;

/** One task of a running DAG: its dependency count, its node and, for a loop, its items. */
final class TaskSlot {
    final TaskSpec spec;
    final List<TaskSlot> dependencies = new ArrayList<>();
    final List<TaskSlot> dependents = new ArrayList<>();
    final List<NodeState> items = new ArrayList<>();
    DependsExpression logic;
    NodeState node;
    int waiting;
    int itemsRemaining;
    boolean needed;
    boolean resolved;

    TaskSlot(TaskSpec spec) {
        this.spec = spec;
    }
}
