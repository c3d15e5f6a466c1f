package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The work of one {@link Scheduler#apply} call: the state, the current time and the effects decided so far. */
final class Tick {
    final RunState state;
    final Instant now;
    private final List<Effect> effects = new ArrayList<>();
    private final Deque<NodeState> finished = new ArrayDeque<>();

    Tick(RunState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    void emit(Effect effect) {
        effects.add(effect);
        String key = OutstandingKeys.of(effect);
        if (key != null) {
            state.expect(key, effect);
        }
    }

    List<Effect> effects() {
        return effects;
    }

    /** Creates a node, registers who waits for it, and links it under its parent. */
    NodeState createNode(NodeState node, String parentId, Frame waiter) {
        state.add(node, waiter);
        state.touch(node);
        if (parentId != null) {
            NodeState parent = state.node(parentId);
            if (parent != null) {
                parent.addChild(node.id());
            }
        }
        return node;
    }

    /**
     * Marks a node fulfilled. Whoever waits for it is told once the current step of work is done, so
     * frames never see a child finish while they are still starting their children, and long cascades
     * (a chain of omitted tasks) need no deep recursion.
     */
    void finish(NodeState node, NodePhase phase, String message) {
        if (node.isFulfilled()) {
            return;
        }
        node.finish(now, phase, message);
        state.touch(node);
        finished.addLast(node);
    }

    /** Delivers every pending notification, including those that delivering them causes. */
    void drain() {
        while (!finished.isEmpty()) {
            NodeState node = finished.pollFirst();
            // A hook watching this node's phase fires before anything reacts to the node being done.
            state.lifecycleHooks().evaluate(this);
            Frame waiter = state.waiterOf(node.id());
            if (waiter != null) {
                waiter.childFinished(this, node);
            }
        }
    }
}
