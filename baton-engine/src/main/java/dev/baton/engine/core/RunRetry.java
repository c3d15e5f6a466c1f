package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.run.WorkflowPhase;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo's {@code retry} of a finished Failed or Error run. The run is scheduled again from its start; every node that
 * Succeeded in the first run, or lies inside a node that did, is not run again: the scheduler is told at once how it
 * ended the first time (its exit code, result and outputs), so the nodes after it see the same values. Nodes that
 * failed, the groups and parents around them and the exit handler run again, and a node with a retry strategy starts
 * with a fresh budget. Only the effects for those nodes are handed to the runtime.
 */
final class RunRetry {
    private final Scheduler scheduler;
    private final RunState state;
    private final Instant now;
    /** The first run's nodes by id; a node keeps its id when it is created again, as ids derive from names. */
    private final Map<String, NodeState> firstRun = new HashMap<>();
    private final Set<String> kept;
    private final Deque<RunEvent> answers = new ArrayDeque<>();
    private final List<Effect> effects = new ArrayList<>();

    private RunRetry(Scheduler scheduler, RunState state, Instant now) {
        this.scheduler = scheduler;
        this.state = state;
        this.now = now;
        for (NodeState node : state.nodes()) {
            firstRun.put(node.id(), node);
        }
        this.kept = keptIds(state);
    }

    /** Retries the run when it ended Failed or Error; any other run is left as it is, with nothing to do. */
    static Decision retry(Scheduler scheduler, RunState state, Instant now) {
        if (state.phase() != WorkflowPhase.Failed && state.phase() != WorkflowPhase.Error) {
            return new Decision(state, List.of());
        }
        return new RunRetry(scheduler, state, now).run();
    }

    private Decision run() {
        Instant firstStart = state.startedAt();
        state.reopen();
        sort(scheduler.apply(state, new RunEvent.RunStarted(), now));
        state.restoreStart(firstStart);
        while (!answers.isEmpty() || answerKeptTimers()) {
            sort(scheduler.apply(state, answers.pollFirst(), now));
        }
        for (NodeState node : state.nodes()) {
            NodeState first = firstRun.get(node.id());
            if (kept.contains(node.id()) && first != null && node.isFulfilled()) {
                node.restoreTimes(first.startedAt(), first.finishedAt());
            }
        }
        return new Decision(state, effects);
    }

    /** Answers at once what the scheduler asks about kept nodes; everything else is for the runtime. */
    private void sort(Decision decision) {
        for (Effect effect : decision.effects()) {
            switch (effect) {
                case Effect.LaunchStep launch when isKept(launch.nodeId()) -> {
                    answers.add(new RunEvent.StepStarted(launch.nodeId(), launch.attempt()));
                    answers.add(new RunEvent.StepFinished(launch.nodeId(), launch.attempt(),
                            reportOf(firstRun.get(launch.nodeId()))));
                }
                case Effect.ScheduleTimer timer when isKept(timer.nodeId()) && !isRunDeadline(timer) ->
                        answers.add(new RunEvent.TimerFired(timer.nodeId(), timer.purpose()));
                case Effect.LookUpMemo lookUp when isKept(lookUp.nodeId()) ->
                        answers.add(new RunEvent.MemoLookedUp(lookUp.nodeId(), null));
                case Effect.AcquireLock lock when isKept(lock.holder()) ->
                        answers.add(new RunEvent.LockAcquired(lock.holder(), lock.lock()));
                case Effect.SaveMemo save when isKept(save.nodeId()) -> {
                    // saved by the first run
                }
                case Effect.ReleaseLock release when isKept(release.holder()) -> {
                    // never really taken again
                }
                default -> effects.add(effect);
            }
        }
    }

    /** Ends the waits of kept suspend nodes that no timer would end (those resumed by hand in the first run). */
    private boolean answerKeptTimers() {
        for (String key : state.timers().keySet()) {
            int slash = key.lastIndexOf('/');
            String nodeId = key.substring(0, slash);
            if (isKept(nodeId)) {
                answers.add(new RunEvent.TimerFired(nodeId, key.substring(slash + 1)));
                return true;
            }
        }
        return false;
    }

    private boolean isRunDeadline(Effect.ScheduleTimer timer) {
        return timer.nodeId().equals(state.runName()) && Scheduler.DEADLINE.equals(timer.purpose());
    }

    /** Whether the node is kept; asked also before the node exists again (a lock is taken before its node). */
    private boolean isKept(String nodeId) {
        return kept.contains(nodeId);
    }

    /** How a kept step ended in the first run, told again to the scheduler. */
    private static RunEvent.StepReport reportOf(NodeState first) {
        boolean succeeded = first.phase() == NodePhase.Succeeded;
        Integer exitCode = first.exitCode() == null ? (succeeded ? Integer.valueOf(0) : null)
                : Integer.valueOf(first.exitCode());
        String failure = exitCode == null ? first.message() : null;
        return new RunEvent.StepReport(exitCode, first.result(), first.outputParameters(), first.outputArtifacts(),
                failure, false, false, first.logs());
    }

    /**
     * Ids of the nodes not to run again: the Succeeded ones and everything inside them (the nodes of a Succeeded
     * DAG or steps template, the attempts of a Succeeded retry node), except the exit handler's nodes,
     * which run again after the retried run as they did after the first one.
     */
    private static Set<String> keptIds(RunState state) {
        Map<String, String> containers = new HashMap<>();
        for (NodeState node : state.nodes()) {
            if (node.boundaryId() != null) {
                containers.put(node.id(), node.boundaryId());
            }
        }
        for (NodeState node : state.nodes()) {
            if (node.type() == NodeType.Retry) {
                node.children().forEach(attempt -> containers.put(attempt, node.id()));
            }
        }
        String exitHandler = state.runName() + ".onExit";
        Set<String> kept = new HashSet<>();
        for (NodeState node : state.nodes()) {
            if (node.name().startsWith(exitHandler) || node.exitCode() != null && !isNumber(node.exitCode())) {
                continue;
            }
            for (NodeState at = node; at != null; at = state.node(containers.get(at.id()))) {
                if (at.phase() == NodePhase.Succeeded) {
                    kept.add(node.id());
                    break;
                }
            }
        }
        return kept;
    }

    private static boolean isNumber(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
