package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.loop.LoopExpansion;
import dev.baton.engine.core.loop.LoopItem;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.StepSpec;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.subst.Unresolved;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One group of a steps template: its steps (and their loop items) run in parallel. */
final class StepGroupProgress implements Frame {
    private final StepsProgress steps;
    private final NodeState group;
    private final List<StepSpec> specs;
    private final Map<String, StepSlot> slotsByChild = new HashMap<>();
    private final Map<String, HookOf> hooks = new HashMap<>();
    private final java.util.Set<String> admitted = new java.util.HashSet<>();
    private final List<StepSlot> slots = new ArrayList<>();
    private int pending;
    private String failure;

    /** One step of the group and the nodes it expanded into. */
    private static final class StepSlot {
        final StepSpec spec;
        final boolean loop;
        final List<NodeState> children = new ArrayList<>();
        int remaining;

        StepSlot(StepSpec spec, boolean loop) {
            this.spec = spec;
            this.loop = loop;
        }
    }

    /** The step child an exit hook node belongs to. */
    record HookOf(StepSlot slot, String childId) {
    }

    /** A step child waiting for the template's parallelism gate. */
    private final class PendingStart implements Gate.Admission {
        private final StepSlot slot;
        private final StepSpec spec;
        private final Scope scope;
        private final String nodeName;
        private final String displayName;

        PendingStart(StepSlot slot, StepSpec spec, Scope scope, String nodeName, String displayName) {
            this.slot = slot;
            this.spec = spec;
            this.scope = scope;
            this.nodeName = nodeName;
            this.displayName = displayName;
        }

        @Override
        public void admit(Tick tick) {
            String id = tick.state.nodeId(nodeName);
            slotsByChild.put(id, slot);
            admitted.add(id);
            InvocationStart.start(tick, spec, scope, placement(nodeName, displayName));
        }
    }

    StepGroupProgress(StepsProgress steps, NodeState group, List<StepSpec> specs) {
        this.steps = steps;
        this.group = group;
        this.specs = specs == null ? List.of() : specs;
    }

    void start(Tick tick) {
        pending = 1;
        for (StepSpec spec : specs) {
            startStep(tick, spec);
        }
        settle(tick);
    }

    private void startStep(Tick tick, StepSpec spec) {
        String baseName = group.name() + "." + spec.name();
        StepSlot slot = new StepSlot(spec, spec.isLoop());
        slots.add(slot);
        if (!spec.isLoop()) {
            admit(tick, slot, spec, steps.scope(), baseName, spec.name());
            return;
        }
        Substituter.Outcome<StepSpec> loopSpec = Substituter.apply(withoutItems(spec), steps.scope(),
                Unresolved.ERROR);
        LoopExpansion.Result expansion = switch (loopSpec) {
            case Substituter.Outcome.Failed<StepSpec> f -> new LoopExpansion.Result(List.of(), f.message());
            case Substituter.Outcome.Done<StepSpec> d -> LoopExpansion.expand(
                    spec.withItems() != null ? spec : d.value());
        };
        if (expansion.error() != null || expansion.items().isEmpty()) {
            NodePhase phase = expansion.error() != null ? NodePhase.Error : NodePhase.Skipped;
            String message = expansion.error() != null ? expansion.error() : "Skipped, empty params";
            slot.remaining++;
            pending++;
            NodeState placeholder = InvocationStart.placeholder(tick, placement(baseName, spec.name()), spec, phase,
                    message);
            slotsByChild.put(placeholder.id(), slot);
            return;
        }
        for (LoopItem item : expansion.items()) {
            Scope itemScope = item.bind(steps.scope().child());
            admit(tick, slot, spec, itemScope, baseName + item.suffix(), spec.name() + item.suffix());
        }
    }

    private static StepSpec withoutItems(StepSpec s) {
        return new StepSpec(s.name(), s.template(), s.templateRef(), s.inline(), null, null, null, s.withParam(),
                s.withSequence(), s.continueOn(), s.onExit(), s.hooks());
    }

    private void admit(Tick tick, StepSlot slot, StepSpec spec, Scope scope, String nodeName, String displayName) {
        slot.remaining++;
        pending++;
        steps.gate().submit(tick, new PendingStart(slot, spec, scope, nodeName, displayName));
    }

    private InvocationStart.Placement placement(String nodeName, String displayName) {
        return new InvocationStart.Placement(nodeName, displayName, group.id(), steps.node().id(), steps.host(), this);
    }

    @Override
    public void childFinished(Tick tick, NodeState child) {
        HookOf hook = hooks.remove(child.id());
        if (hook != null) {
            stepChildDone(tick, hook.slot(), hook.childId());
            return;
        }
        StepSlot slot = slotsByChild.get(child.id());
        if (slot == null) {
            return;
        }
        slot.children.add(child);
        if (child.phase().isFailure() && failure == null && !continues(slot.spec, child.phase())) {
            failure = "child '" + child.id() + "' failed";
        }
        if (child.phase().isFailure() && Boolean.TRUE.equals(steps.template().failFast())) {
            for (Gate.Admission dropped : steps.gate().close()) {
                if (dropped instanceof PendingStart start) {
                    start.slot.remaining--;
                    pending--;
                }
            }
            if (failure == null) {
                failure = "template has failed or errored children and failFast enabled";
            }
        }
        if (!slot.loop) {
            NodeOutputs.publish(steps.scope(), "steps." + slot.spec.name(), child, declaredTemplate(tick, slot.spec));
        }
        if (child.type() != NodeType.Skipped && !tick.state.shuttingDown()) {
            java.util.Optional<String> hookId = ExitHooks.start(tick, slot.spec, child, steps.scope(),
                    "steps." + slot.spec.name(), steps.node().id(), steps.host(), this);
            if (hookId.isPresent()) {
                hooks.put(hookId.get(), new HookOf(slot, child.id()));
                return;
            }
        }
        stepChildDone(tick, slot, child.id());
    }

    private void stepChildDone(Tick tick, StepSlot slot, String childId) {
        if (admitted.remove(childId)) {
            steps.gate().release(tick);
        }
        slot.remaining--;
        if (slot.loop && slot.remaining == 0) {
            NodeOutputs.publishLoop(steps.scope(), "steps." + slot.spec.name(), group, slot.children);
        }
        settle(tick);
    }

    private void settle(Tick tick) {
        pending--;
        if (pending > 0) {
            return;
        }
        if (failure != null) {
            tick.finish(group, NodePhase.Failed, failure);
        } else {
            tick.finish(group, NodePhase.Succeeded, null);
        }
    }

    private TemplateSpec declaredTemplate(Tick tick, StepSpec spec) {
        TemplateResolver.Resolved r = TemplateResolver.resolve(tick.state, steps.host(), spec.template(),
                spec.templateRef(), spec.inline());
        return r.failed() ? null : r.template();
    }

    static boolean continues(dev.baton.model.spec.Invocation spec, NodePhase phase) {
        return (phase == NodePhase.Failed && spec.continuesOnFailed())
                || (phase == NodePhase.Error && spec.continuesOnError());
    }
}
