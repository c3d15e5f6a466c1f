package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.spec.GoDuration;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;

import java.time.Duration;
import java.util.Map;

/** A launched leaf step: turns what the driver reports into the node's outputs and phase. */
final class LeafProgress {
    static final String DEADLINE_MESSAGE = "Pod was active on the node longer than the specified deadline";

    private final NodeState node;
    private final TemplateSpec template;
    private final int attempt;

    private LeafProgress(NodeState node, TemplateSpec template, int attempt) {
        this.node = node;
        this.template = template;
        this.attempt = attempt;
    }

    static void launch(Tick tick, NodeState node, Call call, TemplateSpec template) {
        if (tick.state.suspended()) {
            // Argo's suspended workflow creates no pod: the node waits Pending until resume (or stop fails it)
            tick.state.hold(t -> {
                if (t.state.shuttingDown()) {
                    t.state.workflowGate().release(t);
                    t.finish(node, NodePhase.Failed, t.state.stopMessage());
                } else {
                    launch(t, node, call, template);
                }
            });
            return;
        }
        int attempt = node.nextAttempt();
        tick.state.runningLeaves().put(node.id(), new LeafProgress(node, template, attempt));
        ResolvedStep step = new ResolvedStep(node.name(), TemplateInvoker.podName(tick, call), template,
                Map.copyOf(node.inputArtifacts()), deadlineOf(template), node.inputParameters());
        tick.emit(new Effect.LaunchStep(node.id(), attempt, step));
    }

    static Duration deadlineOf(TemplateSpec template) {
        Duration deadline = null;
        if (template.activeDeadlineSeconds() != null) {
            deadline = GoDuration.parse(template.activeDeadlineSeconds().text()).orElse(null);
        }
        if (template.timeout() != null) {
            Duration timeout = GoDuration.parse(template.timeout()).orElse(null);
            if (timeout != null && (deadline == null || timeout.compareTo(deadline) < 0)) {
                deadline = timeout;
            }
        }
        return deadline;
    }

    int attempt() {
        return attempt;
    }

    NodeState node() {
        return node;
    }

    void started(Tick tick) {
        if (node.phase() == NodePhase.Pending) {
            node.phase(NodePhase.Running);
        }
    }

    void finished(Tick tick, RunEvent.StepReport report) {
        tick.state.runningLeaves().remove(node.id());
        tick.state.workflowGate().release(tick);
        node.logs().putAll(report.logs());
        if (report.failure() != null) {
            tick.finish(node, NodePhase.Error, report.failure());
            return;
        }
        if (report.exitCode() != null) {
            node.exitCode(Integer.toString(report.exitCode()));
        }
        if (report.stdout() != null) {
            node.result(trimOneNewline(report.stdout()));
        }
        node.outputArtifacts().putAll(report.artifacts());
        if (report.cancelled()) {
            tick.finish(node, NodePhase.Failed, "terminated");
            return;
        }
        if (report.deadlineExceeded()) {
            tick.finish(node, NodePhase.Failed, DEADLINE_MESSAGE);
            return;
        }
        String outputError = collectParameters(report);
        int exitCode = report.exitCode() == null ? -1 : report.exitCode();
        if (exitCode != 0) {
            tick.finish(node, NodePhase.Failed, "Error (exit code " + exitCode + ")");
        } else if (outputError != null) {
            tick.finish(node, NodePhase.Error, outputError);
        } else {
            OutputExport.toGlobals(tick.state, template, node);
            NodeState.Memoization memo = node.memoization();
            if (memo != null) {
                tick.emit(new Effect.SaveMemo(memo.cacheName(), memo.key(), node.id(), MemoOutputs.of(node)));
            }
            tick.finish(node, NodePhase.Succeeded, null);
        }
    }

    private String collectParameters(RunEvent.StepReport report) {
        String error = null;
        for (ParameterSpec p : template.outputsOrEmpty().parametersOrEmpty()) {
            ParameterSpec.ValueFrom from = p.valueFrom();
            if (from != null && from.path() != null) {
                String value = report.parameters().get(p.name());
                if (value != null) {
                    node.outputParameters().put(p.name(), trimOneNewline(value));
                } else if (from.defaultValue() != null) {
                    node.outputParameters().put(p.name(), from.defaultValue());
                } else if (error == null) {
                    error = "output parameter '" + p.name() + "': open " + from.path()
                            + ": no such file or directory";
                }
            } else if (p.value() != null) {
                node.outputParameters().put(p.name(), p.value());
            } else if (from != null && from.defaultValue() != null) {
                node.outputParameters().put(p.name(), from.defaultValue());
            }
        }
        return error;
    }

    static String trimOneNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
