package dev.baton.engine.runtime;

import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;

import java.time.Instant;
import java.util.List;

/**
 * Where a run's progress is recorded before its effects are carried out (persist, then act). Each call to
 * {@link #record} is one transaction holding a batch of events and the nodes they changed.
 */
public interface RunJournal {
    /** Records nothing: the run lives in memory only ({@code --ephemeral}). */
    RunJournal NONE = new RunJournal() {
        @Override
        public void begin(RunState state) {
        }

        @Override
        public void record(RunState state, List<TimedEvent> events, List<NodeState> changed) {
        }

        @Override
        public void end(RunState state) {
        }
    };

    /** An event with the time the scheduler applied it (replay uses the same time). */
    record TimedEvent(RunEvent event, Instant at) {
    }

    /** The run starts (a new run is stored; a resumed one is already there) and is now owned by this engine. */
    void begin(RunState state);

    /**
     * Durably records a batch of applied events and the state they led to ({@code changed}: the nodes created
     * or changed by the batch); throws if that is impossible.
     */
    void record(RunState state, List<TimedEvent> events, List<NodeState> changed);

    /** The loop stops driving the run (it finished, or the engine is shutting down). */
    void end(RunState state);

    /** Called now and then while the run is idle, to keep ownership of the run. */
    default void keepAlive() {
    }
}
