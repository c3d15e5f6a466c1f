package dev.baton.engine.runtime;

import dev.baton.engine.core.RunContext;

import java.util.Map;
import java.util.Objects;

/**
 * Which run an attempt belongs to. The uid identifies it (two runs may share a name, in two namespaces or one
 * after the other); the name is what users and {@code keyFormat} see.
 */
public record RunKey(String namespace, String name, String uid) {
    public RunKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }

    public static RunKey of(RunContext context) {
        return new RunKey(context.namespace(), context.runName(), context.uid());
    }

    /** The workflow variables an artifact repository's {@code keyFormat} may use, besides {@code pod.name}. */
    Map<String, String> keyVariables() {
        return Map.of("workflow.name", name, "workflow.namespace", namespace, "workflow.uid", uid);
    }
}
