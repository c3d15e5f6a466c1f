package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.subst.Unresolved;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A containerSet: one Pod node whose containers run as {@code Container} child nodes in the order their
 * {@code dependencies} give. The container named {@code main} carries the template's outputs and result.
 */
final class ContainerSetProgress implements Frame {
    private static final String MAIN = "main";

    private final Call call;
    private final NodeState pod;
    private final TemplateSpec template;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Slot> byNodeId = new HashMap<>();
    private int remaining;
    private String failure;
    private NodePhase failurePhase;

    /** One container and what waits for it. */
    private static final class Slot {
        final TemplateKind.ContainerSet.ContainerNode container;
        final List<Slot> dependents = new ArrayList<>();
        int waiting;
        NodeState node;

        Slot(TemplateKind.ContainerSet.ContainerNode container) {
            this.container = container;
        }

        String name() {
            return container.container().name();
        }
    }

    private ContainerSetProgress(Call call, NodeState pod, TemplateSpec template) {
        this.call = call;
        this.pod = pod;
        this.template = template;
    }

    static void start(Tick tick, Call call, Map<String, String> inputs, Scope scope) {
        TemplateInvoker.Opened opened = TemplateInvoker.open(tick, call, inputs, scope, NodeType.Pod,
                Unresolved.ERROR);
        if (opened == null) {
            return;
        }
        NodeState pod = opened.node();
        TemplateSpec template = opened.template();
        ContainerSetProgress progress = new ContainerSetProgress(call, pod, template);
        String error = progress.plan(((TemplateKind.ContainerSet) template.kind()).containers());
        if (error != null) {
            tick.finish(pod, NodePhase.Error, error);
            return;
        }
        progress.slots.values().stream().filter(s -> s.waiting == 0).toList().forEach(s -> progress.launch(tick, s));
    }

    private String plan(List<TemplateKind.ContainerSet.ContainerNode> containers) {
        if (containers == null || containers.isEmpty()) {
            return "containerSet has no containers";
        }
        for (var c : containers) {
            slots.put(c.container().name(), new Slot(c));
        }
        for (Slot slot : slots.values()) {
            for (String dep : slot.container.dependencies() == null ? List.<String>of() : slot.container.dependencies()) {
                Slot parent = slots.get(dep);
                if (parent == null) {
                    return "container '" + slot.name() + "' depends on unknown container '" + dep + "'";
                }
                parent.dependents.add(slot);
                slot.waiting++;
            }
        }
        remaining = slots.size();
        return null;
    }

    private void launch(Tick tick, Slot slot) {
        String name = pod.name() + "." + slot.name();
        NodeState node = new NodeState(tick.state.nodeId(name), name, slot.name(), NodeType.Container,
                template.name(), call.boundaryId());
        tick.createNode(node, pod.id(), this);
        node.start(tick.now, NodePhase.Pending);
        slot.node = node;
        byNodeId.put(node.id(), slot);
        boolean main = MAIN.equals(slot.name());
        TemplateSpec leaf = new TemplateSpec(slot.name(), main ? template.inputs() : null,
                main ? template.outputs() : null, new TemplateKind.Container(slot.container.container()), null,
                template.activeDeadlineSeconds(), template.timeout(), null, null, null, null, null, null, null, null,
                template.pod());
        Call leafCall = call.withNames(name, slot.name(), pod.id(), this, null, true);
        tick.state.workflowGate().submit(tick, t -> LeafProgress.launch(t, node, leafCall, leaf));
    }

    @Override
    public void childFinished(Tick tick, NodeState child) {
        Slot slot = byNodeId.get(child.id());
        if (slot == null) {
            return;
        }
        remaining--;
        if (child.phase().isFailure() && failure == null) {
            failure = "container '" + slot.name() + "' " + (child.message() == null ? "failed" : child.message());
            failurePhase = child.phase();
        }
        for (Slot dependent : slot.dependents) {
            if (--dependent.waiting == 0) {
                if (failure == null) {
                    launch(tick, dependent);
                } else {
                    omit(tick, dependent);
                }
            }
        }
        if (remaining == 0) {
            complete(tick);
        }
    }

    private void omit(Tick tick, Slot slot) {
        String name = pod.name() + "." + slot.name();
        NodeState node = new NodeState(tick.state.nodeId(name), name, slot.name(), NodeType.Container,
                template.name(), call.boundaryId());
        tick.createNode(node, pod.id(), this);
        slot.node = node;
        byNodeId.put(node.id(), slot);
        node.start(tick.now, NodePhase.Pending);
        tick.finish(node, NodePhase.Omitted, "omitted: a container it depends on did not succeed");
    }

    private void complete(Tick tick) {
        Slot main = slots.get(MAIN);
        if (main != null && main.node != null) {
            pod.result(main.node.result());
            pod.exitCode(main.node.exitCode());
            pod.outputParameters().putAll(main.node.outputParameters());
            pod.outputArtifacts().putAll(main.node.outputArtifacts());
        }
        if (failure != null) {
            tick.finish(pod, failurePhase, failure);
            return;
        }
        OutputExport.toGlobals(tick.state, template, pod);
        tick.finish(pod, NodePhase.Succeeded, null);
    }
}
