package dev.baton.engine.runtime;

import dev.baton.engine.core.RunState;

/** Observes a run as it progresses (progress display, persistence); called on the run loop's thread. */
public interface RunListener {
    RunListener NONE = state -> {
    };

    /** The state changed after an event. Implementations must be quick and must not keep the state. */
    void updated(RunState state);
}
