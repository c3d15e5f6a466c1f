package dev.baton.model.run;

import java.util.Objects;

/** The name of a run (a workflow object's {@code metadata.name}). */
public record RunId(String value) {
    public RunId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
