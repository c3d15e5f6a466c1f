package dev.baton.engine.core;

/** A node in progress that waits for nodes it started (children, attempts, hooks). */
interface Frame {
    /** A node this frame started became fulfilled. */
    void childFinished(Tick tick, NodeState child);
}
