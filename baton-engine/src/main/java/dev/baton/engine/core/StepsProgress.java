package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.StepSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.subst.Unresolved;

import java.util.List;
import java.util.Map;

/** A running steps template: runs its groups in order and fails at the first failed group. */
final class StepsProgress implements Frame {
    private final NodeState node;
    private final TemplateSpec template;
    private final List<List<StepSpec>> groups;
    private final Scope scope;
    private final TemplateHost host;
    private final Gate gate;
    private int groupIndex = -1;
    private NodeState previousGroup;

    private StepsProgress(NodeState node, TemplateSpec template, List<List<StepSpec>> groups, Scope scope,
                          TemplateHost host) {
        this.node = node;
        this.template = template;
        this.groups = groups;
        this.scope = scope;
        this.host = host;
        this.gate = Gate.of(template.parallelism());
    }

    static void start(Tick tick, Call call, Map<String, String> inputs, Scope templateScope) {
        TemplateInvoker.Opened opened = TemplateInvoker.open(tick, call, inputs, templateScope, NodeType.Steps,
                Unresolved.KEEP);
        if (opened == null) {
            return;
        }
        NodeState node = opened.node();
        TemplateSpec template = opened.template();
        List<List<StepSpec>> groups = ((TemplateKind.Steps) template.kind()).groups();
        StepsProgress progress = new StepsProgress(node, template, groups == null ? List.of() : groups,
                templateScope.child(), call.host());
        progress.nextGroup(tick);
    }

    NodeState node() {
        return node;
    }

    Scope scope() {
        return scope;
    }

    TemplateHost host() {
        return host;
    }

    Gate gate() {
        return gate;
    }

    TemplateSpec template() {
        return template;
    }

    private void nextGroup(Tick tick) {
        groupIndex++;
        if (groupIndex >= groups.size()) {
            CompositeOutputs.finish(tick, node, template, scope, NodePhase.Succeeded, null);
            return;
        }
        String name = node.name() + "[" + groupIndex + "]";
        NodeState group = new NodeState(tick.state.nodeId(name), name, "[" + groupIndex + "]",
                NodeType.StepGroup, node.templateName(), node.id());
        tick.createNode(group, groupIndex == 0 ? node.id() : null, this);
        linkAfterPrevious(tick, group);
        group.start(tick.now, NodePhase.Running);
        previousGroup = group;
        new StepGroupProgress(this, group, groups.get(groupIndex)).start(tick);
    }

    private void linkAfterPrevious(Tick tick, NodeState group) {
        if (previousGroup == null) {
            return;
        }
        if (previousGroup.children().isEmpty()) {
            previousGroup.addChild(group.id());
            return;
        }
        for (String childId : previousGroup.children()) {
            NodeState child = tick.state.node(childId);
            if (child != null && child.type() != NodeType.StepGroup) {
                child.addChild(group.id());
            }
        }
    }

    @Override
    public void childFinished(Tick tick, NodeState group) {
        if (tick.state.shuttingDown()) {
            tick.finish(node, NodePhase.Failed, group.message());
            return;
        }
        if (group.phase().isFailure()) {
            tick.finish(node, NodePhase.Failed, group.message());
            return;
        }
        nextGroup(tick);
    }
}
