package dev.baton.bench;

import dev.baton.engine.core.Decision;
import dev.baton.engine.core.Effect;
import dev.baton.engine.core.RunContext;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.model.spec.Workflow;
import dev.baton.template.yaml.ManifestReader;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Drives the scheduler core with a driver that finishes every launched step at once, so the time
 * measured is the engine's own cost per node.
 */
public final class NoOpRun {
    private final Workflow workflow;

    public NoOpRun(String yaml) {
        this.workflow = (Workflow) new ManifestReader().read("bench.yaml", yaml).documents().getFirst().manifest();
    }

    /** A DAG of one root and {@code width} tasks depending on it, each with an argument. */
    public static String fanOut(int width) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: bench}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: root, template: noop, arguments: {parameters: [{name: i, value: "0"}]}}
                      - name: leaf
                        template: noop
                        depends: root
                        arguments: {parameters: [{name: i, value: "{{item}}"}]}
                        withSequence: {count: "%d"}
                  - name: noop
                    inputs: {parameters: [{name: i}]}
                    container: {image: none, command: ["true", "{{inputs.parameters.i}}"]}
                """.formatted(width);
    }

    /** A chain of {@code length} tasks, each depending on the previous one. */
    public static String chain(int length) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < length; i++) {
            tasks.append("      - {name: t").append(i).append(", template: noop")
                    .append(i == 0 ? "" : ", depends: t" + (i - 1)).append("}\n");
        }
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: bench}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                """ + tasks + """
                  - name: noop
                    container: {image: none, command: ["true"]}
                """;
    }

    /** Runs the workflow to the end; returns the number of nodes created. */
    public int run() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RunContext context = RunContexts.of(workflow, TemplateLibrary.EMPTY, now, "x", "uid");
        RunState state = new RunState(context);
        Scheduler scheduler = new Scheduler();
        Deque<Effect.LaunchStep> launched = new ArrayDeque<>();
        collect(scheduler.apply(state, new RunEvent.RunStarted(), now), launched);
        RunEvent.StepReport ok = RunEvent.StepReport.exited(0, "", Map.of());
        while (!launched.isEmpty()) {
            Effect.LaunchStep step = launched.pollFirst();
            collect(scheduler.apply(state, new RunEvent.StepStarted(step.nodeId(), step.attempt()), now), launched);
            collect(scheduler.apply(state, new RunEvent.StepFinished(step.nodeId(), step.attempt(), ok), now),
                    launched);
        }
        if (!state.phase().isFinished()) {
            throw new IllegalStateException("run did not finish: " + state.phase());
        }
        return state.nodes().size();
    }

    private static void collect(Decision decision, Deque<Effect.LaunchStep> launched) {
        for (Effect e : decision.effects()) {
            if (e instanceof Effect.LaunchStep l) {
                launched.addLast(l);
            }
        }
    }
}
