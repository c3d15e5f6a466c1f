package dev.baton.engine.runtime;

import dev.baton.engine.core.RunState;

/** Observes a run as it progresses (progress display, persistence); called on the run loop's thread. */
public interface RunListener {
    RunListener NONE = (state, changed) -> {
    };

    /**
     * The state changed after a batch of events; {@code changed} lists the nodes created or changed.
     * Implementations must be quick and must not keep the state.
     */
    void updated(RunState state, java.util.List<dev.baton.engine.core.NodeState> changed);
}
