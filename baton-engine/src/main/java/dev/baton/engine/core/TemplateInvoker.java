package dev.baton.engine.core;

import dev.baton.engine.core.invoke.InputBinder;
import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.JsonText;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.Inputs;
import dev.baton.model.spec.GoDuration;
import dev.baton.model.spec.Memoize;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.RetryStrategy;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.subst.Unresolved;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts a template as a node: binds its inputs, wraps it in retries, and hands it to its kind's progress. */
final class TemplateInvoker {
    private TemplateInvoker() {
    }

    static void invoke(Tick tick, Call call) {
        Call prepared = withInputDefaultsSubstituted(tick, call);
        TemplateSpec template = prepared.template();
        InputBinder.Binding binding = InputBinder.bind(template, prepared.arguments());
        if (binding.failed()) {
            failBeforeStart(tick, prepared, nodeTypeOf(template), binding.error());
            return;
        }
        Map<String, Integer> locks = prepared.isAttempt() ? Map.of()
                : Locks.of(tick.state, template.synchronization(), templateScope(tick, prepared, binding.values()));
        if (locks.isEmpty()) {
            proceed(tick, prepared, binding.values());
            return;
        }
        String holder = tick.state.nodeId(prepared.nodeName());
        Frame releasing = new LockRelease(holder, locks, prepared.waiter());
        Call guarded = new Call(prepared.nodeName(), prepared.displayName(), prepared.parentId(),
                prepared.boundaryId(), template, prepared.host(), prepared.arguments(), prepared.artifacts(), releasing,
                prepared.extra(), prepared.isAttempt());
        Locks.acquire(tick, holder, locks, t -> proceed(t, guarded, binding.values()));
    }

    private static void proceed(Tick tick, Call call, Map<String, String> inputs) {
        TemplateSpec template = call.template();
        RetryStrategy retry = call.isAttempt() ? null : retryStrategyOf(tick, template);
        if (retry != null) {
            RetryProgress.start(tick, call, retry);
            return;
        }
        Scope scope = templateScope(tick, call, inputs);
        switch (template.kind()) {
            case TemplateKind.Container c -> startLeaf(tick, call, inputs, scope);
            case TemplateKind.Script s -> startLeaf(tick, call, inputs, scope);
            case TemplateKind.ContainerSet s -> ContainerSetProgress.start(tick, call, inputs, scope);
            case TemplateKind.Steps s -> StepsProgress.start(tick, call, inputs, scope);
            case TemplateKind.Dag d -> DagProgress.start(tick, call, inputs, scope);
            case TemplateKind.Suspend s -> SuspendProgress.start(tick, call, inputs, scope);
            case TemplateKind.Resource r -> unsupported(tick, call, "resource");
            case TemplateKind.Http h -> unsupported(tick, call, "http");
            case TemplateKind.Data d -> unsupported(tick, call, "data");
            case TemplateKind.Plugin p -> unsupported(tick, call, "plugin");
            case null -> failBeforeStart(tick, call, NodeType.Pod, "template '" + template.name() + "' has no kind");
        }
    }

    /** Gives a template's locks back when its node is fulfilled, then tells the original waiter. */
    private record LockRelease(String holder, Map<String, Integer> locks, Frame waiter) implements Frame {
        @Override
        public void childFinished(Tick tick, NodeState child) {
            Locks.release(tick, holder, locks);
            if (waiter != null) {
                waiter.childFinished(tick, child);
            }
        }
    }

    /** A template's own input values and defaults may use globals and expressions ({{=…}}); resolve them first. */
    private static Call withInputDefaultsSubstituted(Tick tick, Call call) {
        Inputs inputs = call.template().inputs();
        if (inputs == null || inputs.parameters() == null) {
            return call;
        }
        Substituter.Outcome<Inputs> substituted = Substituter.apply(inputs, tick.state.globals(), Unresolved.KEEP);
        if (!(substituted instanceof Substituter.Outcome.Done<Inputs> done) || done.value() == inputs) {
            return call;
        }
        TemplateSpec t = call.template();
        TemplateSpec template = new TemplateSpec(t.name(), done.value(), t.outputs(), t.kind(), t.daemon(),
                t.activeDeadlineSeconds(), t.timeout(), t.retryStrategy(), t.parallelism(), t.failFast(), t.memoize(),
                t.synchronization(), t.metrics(), t.archiveLocation(), t.annotations(), t.pod());
        return new Call(call.nodeName(), call.displayName(), call.parentId(), call.boundaryId(), template, call.host(),
                call.arguments(), call.artifacts(), call.waiter(), call.extra(), call.isAttempt());
    }

    /** A started node and its template with the inputs substituted. */
    record Opened(NodeState node, TemplateSpec template) {
    }

    /**
     * The common opening of a template that runs children (steps, DAG, containerSet): its node, Running,
     * and its template substituted in its scope; null (the node already in Error) when substitution fails.
     */
    static Opened open(Tick tick, Call call, Map<String, String> inputs, Scope scope, NodeType type,
                       Unresolved policy) {
        NodeState node = newNode(tick, call, type);
        node.inputParameters(inputs);
        node.start(tick.now, NodePhase.Running);
        Substituter.Outcome<TemplateSpec> substituted = Substituter.apply(call.template(), scope, policy);
        if (substituted instanceof Substituter.Outcome.Failed<TemplateSpec> f) {
            tick.finish(node, NodePhase.Error, f.message());
            return null;
        }
        return new Opened(node, ((Substituter.Outcome.Done<TemplateSpec>) substituted).value());
    }

    static NodeType nodeTypeOf(TemplateSpec template) {
        return switch (template.kind()) {
            case TemplateKind.Steps s -> NodeType.Steps;
            case TemplateKind.Dag d -> NodeType.DAG;
            case TemplateKind.Suspend s -> NodeType.Suspend;
            case TemplateKind.Http h -> NodeType.HTTP;
            case TemplateKind.Plugin p -> NodeType.Plugin;
            case null, default -> NodeType.Pod;
        };
    }

    /** Creates a node that is already fulfilled with an error, e.g. for a missing input. */
    static NodeState failBeforeStart(Tick tick, Call call, NodeType type, String message) {
        NodeState node = newNode(tick, call, type);
        node.start(tick.now, NodePhase.Pending);
        tick.finish(node, NodePhase.Error, message);
        return node;
    }

    static NodeState newNode(Tick tick, Call call, NodeType type) {
        String id = tick.state.nodeId(call.nodeName());
        NodeState node = new NodeState(id, call.nodeName(), call.displayName(), type, call.template().name(),
                call.boundaryId());
        return tick.createNode(node, call.parentId(), call.waiter());
    }

    private static RetryStrategy retryStrategyOf(Tick tick, TemplateSpec template) {
        if (template.retryStrategy() != null) {
            return template.retryStrategy();
        }
        if (template.kind() instanceof TemplateKind.Steps || template.kind() instanceof TemplateKind.Dag
                || template.kind() instanceof TemplateKind.Suspend) {
            return null;
        }
        return tick.state.context().spec().retryStrategy();
    }

    /** Globals, then the template's inputs and declared paths, then the call's extras. */
    static Scope templateScope(Tick tick, Call call, Map<String, String> inputs) {
        Scope scope = tick.state.globals().child();
        List<Object> inputList = new ArrayList<>();
        inputs.forEach((name, value) -> {
            scope.put("inputs.parameters." + name, value);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("value", value);
            inputList.add(entry);
        });
        scope.put("inputs.parameters", JsonText.write(inputList));
        TemplateSpec template = call.template();
        for (ArtifactSpec a : template.inputsOrEmpty().artifactsOrEmpty()) {
            if (a.path() != null) {
                scope.put("inputs.artifacts." + a.name() + ".path", a.path());
            }
        }
        call.artifacts().forEach((name, ref) -> scope.put("inputs.artifacts." + name, ArtifactTags.encode(ref)));
        for (ArtifactSpec a : template.outputsOrEmpty().artifactsOrEmpty()) {
            if (a.path() != null) {
                scope.put("outputs.artifacts." + a.name() + ".path", a.path());
            }
        }
        for (ParameterSpec p : template.outputsOrEmpty().parametersOrEmpty()) {
            if (p.valueFrom() != null && p.valueFrom().path() != null) {
                scope.put("outputs.parameters." + p.name() + ".path", p.valueFrom().path());
            }
        }
        scope.put("node.name", call.nodeName());
        scope.put("pod.name", podName(tick, call));
        if (call.extra() != null) {
            for (String name : call.extra().names()) {
                scope.put(name, call.extra().get(name));
            }
        }
        return scope;
    }

    static String podName(Tick tick, Call call) {
        String run = tick.state.runName();
        if (call.nodeName().equals(run)) {
            return run; // the root node's pod, as Argo names it
        }
        String id = tick.state.nodeId(call.nodeName());
        String hash = id.length() > run.length() + 1 ? id.substring(run.length() + 1) : id;
        String templateName = call.template().name();
        if (templateName == null || templateName.isEmpty() || (run + templateName).length() > 245) {
            return run + "-" + hash;
        }
        return run + "-" + templateName + "-" + hash;
    }

    private static void startLeaf(Tick tick, Call call, Map<String, String> inputs, Scope scope) {
        Memoize memoize = call.template().memoize();
        if (memoize == null) {
            tick.state.workflowGate().submit(tick, t -> {
                NodeState node = leafNode(t, call, inputs);
                if (t.state.shuttingDown()) {
                    // admitted by the workflow's parallelism after a stop: it must not start
                    t.finish(node, NodePhase.Failed, t.state.stopMessage());
                    t.state.workflowGate().release(t);
                    return;
                }
                launchLeaf(t, node, call, scope);
            });
            return;
        }
        NodeState node = leafNode(tick, call, inputs);
        String key;
        try {
            key = Substituter.text(memoize.key(), scope, Unresolved.ERROR);
        } catch (RuntimeException e) {
            tick.finish(node, NodePhase.Error, "memoize.key: " + e.getMessage());
            return;
        }
        String cache = memoize.cache() != null && memoize.cache().configMap() != null
                ? memoize.cache().configMap().name() : "default";
        node.memoization(new NodeState.Memoization(key, cache, null));
        tick.state.memoLookups().put(node.id(), t -> t.state.workflowGate().submit(t, g -> launchLeaf(g, node, call, scope)));
        Duration maxAge = memoize.maxAge() == null ? null : GoDuration.parse(memoize.maxAge()).orElse(null);
        tick.emit(new Effect.LookUpMemo(node.id(), cache, key, maxAge));
    }

    private static NodeState leafNode(Tick tick, Call call, Map<String, String> inputs) {
        NodeState node = newNode(tick, call, NodeType.Pod);
        node.inputParameters(inputs);
        node.inputArtifacts().putAll(call.artifacts());
        node.start(tick.now, NodePhase.Pending);
        return node;
    }

    private static void launchLeaf(Tick tick, NodeState node, Call call, Scope scope) {
        Substituter.Outcome<TemplateSpec> substituted = Substituter.apply(call.template(), scope, Unresolved.ERROR);
        switch (substituted) {
            case Substituter.Outcome.Failed<TemplateSpec> f -> {
                tick.state.workflowGate().release(tick);
                tick.finish(node, NodePhase.Error, f.message());
            }
            case Substituter.Outcome.Done<TemplateSpec> d -> LeafProgress.launch(tick, node, call, d.value());
        }
    }

    /** The answer to a memoization lookup: reuse the stored outputs, or run the step after all. */
    static void memoLookedUp(Tick tick, String nodeId, MemoOutputs found) {
        var proceed = tick.state.memoLookups().remove(nodeId);
        NodeState node = tick.state.node(nodeId);
        if (proceed == null || node == null || node.isFulfilled()) {
            return;
        }
        NodeState.Memoization memo = node.memoization();
        node.memoization(new NodeState.Memoization(memo.key(), memo.cacheName(), found != null));
        if (found == null) {
            proceed.accept(tick);
            return;
        }
        found.copyTo(node);
        tick.finish(node, NodePhase.Succeeded, null);
    }

    private static void unsupported(Tick tick, Call call, String kind) {
        failBeforeStart(tick, call, NodeType.Pod, kind + " templates are not supported by this engine yet");
    }
}
