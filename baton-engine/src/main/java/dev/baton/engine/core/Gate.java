package dev.baton.engine.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Admits at most {@code limit} active invocations ({@code parallelism}); the rest wait in order.
 * A limit of 0 admits everything.
 */
final class Gate {
    private final int limit;
    private final Deque<Admission> waiting = new ArrayDeque<>();
    private int active;
    private boolean closed;

    /** Something waiting to be admitted. */
    interface Admission {
        void admit(Tick tick);
    }

    Gate(int limit) {
        this.limit = Math.max(0, limit);
    }

    /** A gate for a template's {@code parallelism} (absent or not a number: no limit). */
    static Gate of(dev.baton.model.spec.IntOrString parallelism) {
        return new Gate(parallelism == null ? 0 : (int) parallelism.asLong().orElse(0));
    }

    void submit(Tick tick, Admission admission) {
        if (limit > 0 && active >= limit) {
            waiting.addLast(admission);
            return;
        }
        active++;
        admission.admit(tick);
    }

    /** One admitted invocation finished: admit the next waiting one. */
    void release(Tick tick) {
        active = Math.max(0, active - 1);
        while (!closed && !waiting.isEmpty() && (limit == 0 || active < limit)) {
            active++;
            waiting.pollFirst().admit(tick);
        }
    }

    /** Stops admitting (fail fast) and returns what was still waiting. */
    List<Admission> close() {
        closed = true;
        List<Admission> dropped = new ArrayList<>(waiting);
        waiting.clear();
        return dropped;
    }

    int active() {
        return active;
    }

    int waiting() {
        return waiting.size();
    }
}
