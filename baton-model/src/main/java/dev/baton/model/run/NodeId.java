package dev.baton.model.run;

import java.util.Objects;

/** The id of a node within its run, as Argo forms it: the run name, a dash and a hash of the node name. */
public record NodeId(String value) {
    public NodeId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
