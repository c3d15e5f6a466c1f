package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import dev.baton.template.yaml.ManifestReadResult;
import dev.baton.template.yaml.ManifestReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the pure scheduler through a scenario: a workflow in, events in, decisions out, with a fake
 * clock. Steps are "run" by telling the scenario how each launched node ended.
 */
final class RunScenario {
    private final Scheduler scheduler = new Scheduler();
    private final RunState state;
    private final Map<String, Effect.LaunchStep> running = new LinkedHashMap<>();
    private final List<Effect> effects = new ArrayList<>();
    private final List<String> launchOrder = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private RunScenario(Workflow workflow, TemplateLibrary library) {
        RunContext context = RunContexts.of(workflow, library, now, "abcde", "uid-1");
        this.state = new RunState(context);
    }

    static RunScenario of(String yaml) {
        ManifestReadResult read = new ManifestReader().read("scenario.yaml", yaml);
        assertThat(read.problems()).as("problems in scenario YAML").isEmpty();
        return new RunScenario((Workflow) read.documents().getFirst().manifest(), TemplateLibrary.EMPTY);
    }

    RunScenario start() {
        return apply(new RunEvent.RunStarted());
    }

    RunScenario advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    /** Node names launched so far and still running, in launch order. */
    List<String> running() {
        return running.values().stream().map(l -> l.step().nodeName()).toList();
    }

    List<String> launchOrder() {
        return launchOrder;
    }

    /** The driver reports that the step's process is running. */
    RunScenario started(String nodeName) {
        Effect.LaunchStep launch = launchOf(nodeName);
        return apply(new RunEvent.StepStarted(launch.nodeId(), launch.attempt()));
    }

    RunScenario succeed(String nodeName) {
        return exit(nodeName, 0, "", Map.of());
    }

    RunScenario succeed(String nodeName, String stdout) {
        return exit(nodeName, 0, stdout, Map.of());
    }

    RunScenario fail(String nodeName, int exitCode) {
        return exit(nodeName, exitCode, "", Map.of());
    }

    RunScenario exit(String nodeName, int exitCode, String stdout, Map<String, String> parameters) {
        return report(nodeName, RunEvent.StepReport.exited(exitCode, stdout, parameters));
    }

    RunScenario report(String nodeName, RunEvent.StepReport report) {
        Effect.LaunchStep launch = launchOf(nodeName);
        running.remove(launch.nodeId());
        apply(new RunEvent.StepStarted(launch.nodeId(), launch.attempt()));
        advance(Duration.ofSeconds(1));
        return apply(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(), report));
    }

    RunScenario fireTimers() {
        for (Effect e : List.copyOf(effects)) {
            if (e instanceof Effect.ScheduleTimer t && !t.at().isAfter(now)) {
                effects.remove(e);
                apply(new RunEvent.TimerFired(t.nodeId(), t.purpose()));
            }
        }
        return this;
    }

    /** Answers every memoization lookup asked for so far with {@code outputs} (null: nothing stored). */
    RunScenario answerMemos(MemoOutputs outputs) {
        for (Effect e : List.copyOf(effects)) {
            if (e instanceof Effect.LookUpMemo lookUp) {
                effects.remove(e);
                apply(new RunEvent.MemoLookedUp(lookUp.nodeId(), outputs));
            }
        }
        return this;
    }

    /** Grants every lock asked for so far. */
    RunScenario grantLocks() {
        for (Effect e : List.copyOf(effects)) {
            if (e instanceof Effect.AcquireLock acquire) {
                effects.remove(e);
                apply(new RunEvent.LockAcquired(acquire.holder(), acquire.lock()));
            }
        }
        return this;
    }

    RunScenario cancel(String message) {
        return apply(new RunEvent.CancelRequested(message));
    }

    RunScenario stop(String message) {
        return apply(new RunEvent.StopRequested(message));
    }

    RunScenario suspend() {
        return apply(new RunEvent.SuspendRequested());
    }

    RunScenario resume() {
        return apply(new RunEvent.ResumeRequested());
    }

    RunScenario retry() {
        return apply(new RunEvent.RetryRequested());
    }

    /** The driver reports that a step it was asked to cancel has ended (killed). */
    RunScenario killed(Effect.LaunchStep launch) {
        return apply(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                new RunEvent.StepReport(null, null, Map.of(), Map.of(), null, false, true, Map.of())));
    }

    /** Whether the scheduler asked the driver to cancel the node. */
    boolean cancelRequested(String nodeId) {
        return effects.stream().anyMatch(e -> e instanceof Effect.CancelStep c && c.nodeId().equals(nodeId));
    }

    Effect.LaunchStep launchOf(String nodeName) {
        return running.values().stream().filter(l -> l.step().nodeName().equals(nodeName)
                        || l.step().nodeName().equals(state.runName() + nodeName)).findFirst()
                .orElseThrow(() -> new AssertionError("'" + nodeName + "' is not running; running: " + running()));
    }

    NodeState node(String displayName) {
        List<NodeState> found = state.nodes().stream().filter(n -> n.displayName().equals(displayName)).toList();
        assertThat(found).as("nodes named %s among %s", displayName, displayNames()).hasSize(1);
        return found.getFirst();
    }

    boolean has(String displayName) {
        return state.nodes().stream().anyMatch(n -> n.displayName().equals(displayName));
    }

    List<String> displayNames() {
        return state.nodes().stream().map(NodeState::displayName).toList();
    }

    NodePhase phaseOf(String displayName) {
        return node(displayName).phase();
    }

    WorkflowPhase phase() {
        return state.phase();
    }

    RunState state() {
        return state;
    }

    List<Effect> effects() {
        return effects;
    }

    String run() {
        return state.runName();
    }

    private RunScenario apply(RunEvent event) {
        Decision decision = scheduler.apply(state, event, now);
        for (Effect effect : decision.effects()) {
            effects.add(effect);
            if (effect instanceof Effect.LaunchStep launch) {
                running.put(launch.nodeId(), launch);
                launchOrder.add(launch.step().nodeName());
            }
            if (effect instanceof Effect.CancelStep cancel) {
                running.remove(cancel.nodeId());
            }
        }
        return this;
    }
}
