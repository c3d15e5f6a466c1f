package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.spec.Invocation;
import dev.baton.model.spec.LifecycleHook;
import dev.baton.model.spec.TaskSpec;
import dev.baton.template.subst.Substitution;
import dev.baton.template.subst.Unresolved;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Named lifecycle hooks (any hook other than {@code exit}): each fires once, when its expression becomes
 * true, and runs beside the workflow or step it watches as {@code <node>.hooks.<name>}. Expressions are
 * re-evaluated after every event; the run does not end while a hook runs.
 */
final class LifecycleHooks implements Frame {
    /** A hook not fired yet. */
    record Pending(String ownerName, String ownerDisplay, String ownerNameForStatus, String statusPrefix,
                   String hookName, LifecycleHook hook, Scope scope, String boundaryId, TemplateHost host) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private int running;
    private java.util.function.Consumer<Tick> whenIdle;

    /** Watches the workflow-level hooks ({@code spec.hooks}, except {@code exit}). */
    void watchWorkflow(Tick tick) {
        Map<String, LifecycleHook> hooks = tick.state.context().spec().hooks();
        if (hooks == null) {
            return;
        }
        String run = tick.state.runName();
        hooks.forEach((name, hook) -> {
            if (!"exit".equals(name) && hook.expression() != null) {
                pending.add(new Pending(run, run, null, null, name, hook, tick.state.globals(), null,
                        tick.state.localTemplates()));
            }
        });
    }

    /** Watches the named hooks of one step or task node. */
    void watchInvocation(Invocation invocation, Scope scope, InvocationStart.Placement at) {
        if (invocation.hooks() == null) {
            return;
        }
        String prefix = (invocation instanceof TaskSpec ? "tasks." : "steps.") + invocation.name();
        invocation.hooks().forEach((name, hook) -> {
            if (!"exit".equals(name) && hook.expression() != null) {
                pending.add(new Pending(at.nodeName(), at.displayName(), at.nodeName(), prefix, name, hook, scope,
                        at.boundaryId(), at.host()));
            }
        });
    }

    /** Fires every pending hook whose expression now holds. */
    void evaluate(Tick tick) {
        if (pending.isEmpty() || tick.state.shuttingDown()) {
            return;
        }
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (holds(tick, p)) {
                it.remove();
                fire(tick, p);
            }
        }
    }

    private boolean holds(Tick tick, Pending p) {
        Scope scope = p.scope().child();
        scope.put("workflow.status", tick.state.phase().name());
        if (p.ownerNameForStatus() != null) {
            NodeState owner = tick.state.nodeByName(p.ownerNameForStatus());
            scope.put(p.statusPrefix() + ".status", owner == null ? "Pending" : owner.phase().name());
        }
        try {
            String expression = Substituter.text(p.hook().expression(), scope, Unresolved.KEEP);
            return Boolean.TRUE.equals(Substitution.evaluate(expression, scope));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void fire(Tick tick, Pending p) {
        String name = p.ownerName() + ".hooks." + p.hookName();
        NodeState owner = tick.state.nodeByName(p.ownerName());
        running++;
        InvocationStart.start(tick, ExitHooks.asStep(name, p.hook()), p.scope(), new InvocationStart.Placement(
                name, p.ownerDisplay() + ".hooks." + p.hookName(), owner == null ? null : owner.id(), p.boundaryId(),
                p.host(), this));
    }

    @Override
    public void childFinished(Tick tick, NodeState child) {
        running--;
        if (running == 0 && whenIdle != null) {
            var action = whenIdle;
            whenIdle = null;
            action.accept(tick);
        }
    }

    /** Runs {@code action} now if no hook is running, otherwise when the last one finishes. */
    void whenIdle(Tick tick, java.util.function.Consumer<Tick> action) {
        pending.clear();
        if (running == 0) {
            action.accept(tick);
        } else {
            whenIdle = action;
        }
    }
}
