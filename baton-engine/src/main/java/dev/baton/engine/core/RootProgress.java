package dev.baton.engine.core;

import dev.baton.engine.core.scope.JsonText;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.LifecycleHook;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.WorkflowSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top of a run: the entrypoint node, then the exit handler, then the workflow's phase. */
final class RootProgress implements Frame {
    private NodeState entry;
    private NodeState exitHandler;
    private Map<String, Integer> locks = Map.of();

    static void start(Tick tick) {
        RootProgress root = new RootProgress();
        tick.state.root(root);
        tick.state.begin(tick.now);
        WorkflowSpec spec = tick.state.context().spec();
        String run = tick.state.runName();
        TemplateResolver.Resolved resolved = TemplateResolver.resolve(tick.state, tick.state.localTemplates(),
                spec.entrypoint(), null, null);
        List<ParameterSpec> arguments = new ArrayList<>();
        tick.state.context().parameters().forEach((k, v) -> arguments.add(ParameterSpec.of(k, v)));
        if (resolved.failed()) {
            tick.state.end(tick.now, WorkflowPhase.Error, "entrypoint: " + resolved.error());
            tick.emit(new Effect.FinishRun(WorkflowPhase.Error, tick.state.message()));
            return;
        }
        var workflowArtifacts = spec.arguments() == null ? List.<dev.baton.model.spec.ArtifactSpec>of()
                : spec.arguments().artifactsOrEmpty();
        Call entry = new Call(run, run, null, null, ArgumentArtifacts.bind(resolved.template(), workflowArtifacts),
                resolved.host(), arguments, Map.of(), root, null, false);
        root.locks = Locks.of(tick.state, spec.synchronization(), tick.state.globals());
        tick.state.lifecycleHooks().watchWorkflow(tick);
        Locks.acquire(tick, run, root.locks, t -> TemplateInvoker.invoke(t, entry));
    }

    @Override
    public void childFinished(Tick tick, NodeState child) {
        if (entry == null) {
            entry = child;
            if (tick.state.stopMessage() != null) {
                tick.state.allowExitHandler();
            }
            if (!startExitHandler(tick)) {
                tick.state.lifecycleHooks().whenIdle(tick, this::complete);
            }
            return;
        }
        exitHandler = child;
        tick.state.lifecycleHooks().whenIdle(tick, this::complete);
    }

    private boolean startExitHandler(Tick tick) {
        WorkflowSpec spec = tick.state.context().spec();
        LifecycleHook hook = spec.hooks() != null && spec.hooks().containsKey("exit") ? spec.hooks().get("exit")
                : spec.onExit() != null ? new LifecycleHook(spec.onExit(), null, null, null) : null;
        if (hook == null || tick.state.shuttingDown()) {
            return false;
        }
        tick.state.globals().put("workflow.status", entryPhase().name());
        tick.state.globals().put("workflow.failures", failures(tick));
        tick.state.globals().put("workflow.duration", seconds(tick));
        String name = tick.state.runName() + ".onExit";
        InvocationStart.start(tick, ExitHooks.asStep(name, hook), tick.state.globals().child(),
                new InvocationStart.Placement(name, name, null, null, tick.state.localTemplates(), this));
        return true;
    }

    private WorkflowPhase entryPhase() {
        return switch (entry.phase()) {
            case Failed -> WorkflowPhase.Failed;
            case Error -> WorkflowPhase.Error;
            default -> WorkflowPhase.Succeeded;
        };
    }

    private void complete(Tick tick) {
        Locks.release(tick, tick.state.runName(), locks);
        WorkflowPhase phase = entryPhase();
        String message = phase == WorkflowPhase.Succeeded ? null : entry.message();
        if (exitHandler != null && phase == WorkflowPhase.Succeeded && exitHandler.phase().isFailure()) {
            phase = exitHandler.phase() == NodePhase.Error ? WorkflowPhase.Error : WorkflowPhase.Failed;
            message = exitHandler.message();
        }
        if (tick.state.stopMessage() != null) {
            phase = WorkflowPhase.Failed;
            message = tick.state.stopMessage();
        }
        tick.state.end(tick.now, phase, message);
        tick.emit(new Effect.FinishRun(phase, message));
    }

    private static String failures(Tick tick) {
        List<Object> list = new ArrayList<>();
        for (NodeState n : tick.state.nodes()) {
            if (n.phase().isFailure() && n.type() != NodeType.StepGroup) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("displayName", n.displayName());
                f.put("message", n.message() == null ? "" : n.message());
                f.put("templateName", n.templateName() == null ? "" : n.templateName());
                f.put("phase", n.phase().name());
                f.put("podName", n.type() == NodeType.Pod ? n.id() : "");
                f.put("finishedAt", n.finishedAt() == null ? "" : NodeOutputs.timestamp(n.finishedAt()));
                list.add(f);
            }
        }
        return JsonText.write(list);
    }

    private static String seconds(Tick tick) {
        Duration d = Duration.between(tick.state.startedAt(), tick.now);
        return JsonText.format(d.toNanos() / 1e9);
    }
}
