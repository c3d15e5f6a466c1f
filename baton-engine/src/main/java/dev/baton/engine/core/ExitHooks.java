package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.spec.Invocation;
import dev.baton.model.spec.LifecycleHook;
import dev.baton.model.spec.StepSpec;

import java.util.Optional;

/** Runs a step's or task's exit hook as {@code <node>.onExit} once the node is fulfilled. */
final class ExitHooks {
    private ExitHooks() {
    }

    /** Starts the hook if the invocation has one; returns the hook node's id. */
    static Optional<String> start(Tick tick, Invocation invocation, NodeState child, Scope scope, String prefix,
                                  String boundaryId, TemplateHost host, Frame waiter) {
        LifecycleHook hook = invocation.exitHook();
        if (hook == null) {
            return Optional.empty();
        }
        Scope hookScope = scope.child();
        NodeOutputs.publish(hookScope, prefix, child, null);
        String name = child.name() + ".onExit";
        StepSpec call = asStep(name, hook);
        InvocationStart.start(tick, call, hookScope, new InvocationStart.Placement(name,
                child.displayName() + ".onExit", child.id(), boundaryId, host, waiter));
        return Optional.of(tick.state.nodeId(name));
    }

    static StepSpec asStep(String name, LifecycleHook hook) {
        return new StepSpec(name, hook.template(), hook.templateRef(), null, hook.arguments(), null, null, null, null,
                null, null, null);
    }
}
