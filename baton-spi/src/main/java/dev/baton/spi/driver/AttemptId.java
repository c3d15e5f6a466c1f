package dev.baton.spi.driver;

import java.util.Objects;

/**
 * Identifies one attempt of one node of one run. Drivers treat a second start of the same attempt
 * as a no-op, so re-executing a launch effect after a crash is harmless.
 */
public record AttemptId(String run, String node, int attempt) {
    public AttemptId {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(node, "node");
    }

    /** A file-name-safe form, unique within a Baton home. */
    public String key() {
        return run + "." + node + "." + attempt;
    }

    @Override
    public String toString() {
        return key();
    }
}
