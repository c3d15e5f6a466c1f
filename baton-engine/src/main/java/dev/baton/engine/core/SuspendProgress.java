package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.GoDuration;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.template.subst.Unresolved;

import java.time.Duration;
import java.util.Map;

/** A suspend node: stays Running until its duration passes (or it is resumed). */
final class SuspendProgress {
    static final String TIMER = "suspend";

    private SuspendProgress() {
    }

    static void start(Tick tick, Call call, Map<String, String> inputs, Scope scope) {
        NodeState node = TemplateInvoker.newNode(tick, call, NodeType.Suspend);
        node.inputParameters(inputs);
        node.start(tick.now, NodePhase.Running);
        String text = ((TemplateKind.Suspend) call.template().kind()).duration();
        if (text == null || text.isBlank()) {
            // no timer to arm: only a resume request ends it
            tick.state.timers().put(node.id() + "/" + TIMER, t -> resume(t, node, call, inputs));
            return;
        }
        String substituted = Substituter.text(text, scope, Unresolved.KEEP);
        Duration duration = GoDuration.parse(substituted).orElse(null);
        if (duration == null) {
            tick.finish(node, NodePhase.Error, "invalid suspend duration '" + substituted + "'");
            return;
        }
        tick.state.timers().put(node.id() + "/" + TIMER, t -> resume(t, node, call, inputs));
        tick.emit(new Effect.ScheduleTimer(node.id(), TIMER, tick.now.plus(duration)));
    }

    /** Resumes every suspended node now, as if its duration had passed. */
    static void resumeAll(Tick tick) {
        for (String key : new java.util.ArrayList<>(tick.state.timers().keySet())) {
            if (key.endsWith("/" + TIMER)) {
                var timer = tick.state.timers().remove(key);
                tick.state.answered(OutstandingKeys.timer(key.substring(0, key.length() - TIMER.length() - 1),
                        TIMER));
                timer.accept(tick);
            }
        }
    }

    /** Ends the suspension; supplied outputs take their defaults (or the input of the same name). */
    static void resume(Tick tick, NodeState node, Call call, Map<String, String> inputs) {
        for (ParameterSpec p : call.template().outputsOrEmpty().parametersOrEmpty()) {
            String value = p.valueFrom() != null && p.valueFrom().defaultValue() != null ? p.valueFrom().defaultValue()
                    : inputs.get(p.name());
            if (value == null) {
                tick.finish(node, NodePhase.Error, "raw output parameter '" + p.name()
                        + "' has not been set and does not have a default value");
                return;
            }
            node.outputParameters().put(p.name(), value);
        }
        tick.finish(node, NodePhase.Succeeded, null);
    }
}
