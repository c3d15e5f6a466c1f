package dev.baton.engine.runtime.durable;

import dev.baton.engine.core.Effect;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.engine.runtime.RunJournal;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.store.FencedException;
import dev.baton.spi.store.RunRecord;
import dev.baton.template.yaml.ManifestReader;
import dev.baton.testkit.store.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run recorded in a store is rebuilt exactly by replay, with what was in flight still outstanding. */
class RunRecoveryTest {
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: a, template: echo}
                - - {name: b, template: echo}
                  - {name: c, template: echo, when: "1 == 2"}
              - name: echo
                container: {image: busybox, command: [echo, hi]}
            """;

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    private final InMemoryStore store = new InMemoryStore();
    private final Scheduler scheduler = new Scheduler();

    private RunState newRun() {
        Workflow wf = (Workflow) new ManifestReader().read("wf.yaml", WORKFLOW).documents().getFirst().manifest();
        return new RunState(RunContexts.of(wf, TemplateLibrary.EMPTY, t0, "x", "uid-1"));
    }

    private List<Effect> apply(RunState state, RunJournal journal, RunEvent event, Instant at) {
        List<Effect> effects = new ArrayList<>(scheduler.apply(state, event, at).effects());
        journal.record(state, List.of(new RunJournal.TimedEvent(event, at)), state.takeChanged());
        return effects;
    }

    @Test
    void replayRebuildsNodesAndWhatIsStillRunning() {
        RunState state = newRun();
        StoreJournal journal = new StoreJournal(store, "engine-1", clock, Duration.ofMinutes(1));
        journal.begin(state);
        Effect.LaunchStep a = (Effect.LaunchStep) apply(state, journal, new RunEvent.RunStarted(), t0).getFirst();
        apply(state, journal, new RunEvent.StepStarted(a.nodeId(), 0), t0.plusSeconds(1));
        List<Effect> afterA = apply(state, journal, new RunEvent.StepFinished(a.nodeId(), 0,
                RunEvent.StepReport.exited(0, "hi\n", Map.of())), t0.plusSeconds(2));
        Effect.LaunchStep b = (Effect.LaunchStep) afterA.stream().filter(e -> e instanceof Effect.LaunchStep)
                .findFirst().orElseThrow();

        RunRecord record = store.runs().find("default", "wf").orElseThrow();
        assertThat(record.phase()).isEqualTo("Running");
        assertThat(store.log().nodes("uid-1")).extracting(n -> n.displayName() + ":" + n.phase())
                .contains("a:Succeeded", "c:Skipped", "b:Pending");

        RunState restored = RunRecovery.restore(store, record);
        assertThat(restored.runName()).isEqualTo("wf");
        assertThat(restored.nodeByName("wf[0].a").phase()).isEqualTo(NodePhase.Succeeded);
        assertThat(restored.nodeByName("wf[0].a").result()).isEqualTo("hi");
        assertThat(restored.nodeByName("wf[0].a").finishedAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(restored.nodeByName("wf[1].c").phase()).isEqualTo(NodePhase.Skipped);
        assertThat(restored.outstanding()).containsExactly(b);

        List<Effect> finish = new ArrayList<>(scheduler.apply(restored, new RunEvent.StepFinished(b.nodeId(), 0,
                RunEvent.StepReport.exited(0, "", Map.of())), t0.plusSeconds(5)).effects());
        assertThat(restored.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(finish).anyMatch(e -> e instanceof Effect.FinishRun f && f.phase() == WorkflowPhase.Succeeded);
    }

    @Test
    void aSecondEngineTakesOverOnlyAfterTheLeaseExpiresAndTheFirstIsThenFenced() {
        RunState state = newRun();
        StoreJournal first = new StoreJournal(store, "engine-1", clock, Duration.ofSeconds(30));
        first.begin(state);
        apply(state, first, new RunEvent.RunStarted(), t0);
        assertThat(store.leases().acquire("uid-1", "engine-2", Duration.ofSeconds(30), t0.plusSeconds(10))).isEmpty();
        var takeover = store.leases().acquire("uid-1", "engine-2", Duration.ofSeconds(30), t0.plusSeconds(31));
        assertThat(takeover).isPresent();
        assertThatThrownBy(() -> apply(state, first, new RunEvent.CancelRequested("late"), t0.plusSeconds(32)))
                .isInstanceOf(FencedException.class);
        RunState restored = RunRecovery.restore(store, store.runs().find("default", "wf").orElseThrow());
        assertThat(restored.phase()).isEqualTo(WorkflowPhase.Running);
    }

    @Test
    void aSuspendedRunIsStillSuspendedAfterReplayAndStartsItsHeldStepAtResume() {
        RunState state = newRun();
        StoreJournal journal = new StoreJournal(store, "engine-1", clock, Duration.ofMinutes(1));
        journal.begin(state);
        Effect.LaunchStep a = (Effect.LaunchStep) apply(state, journal, new RunEvent.RunStarted(), t0).getFirst();
        apply(state, journal, new RunEvent.SuspendRequested(), t0.plusSeconds(1));
        List<Effect> afterA = apply(state, journal, new RunEvent.StepFinished(a.nodeId(), 0,
                RunEvent.StepReport.exited(0, "hi\n", Map.of())), t0.plusSeconds(2));
        assertThat(afterA).noneMatch(e -> e instanceof Effect.LaunchStep);

        RunRecord record = store.runs().find("default", "wf").orElseThrow();
        assertThat(record.statusJson()).contains("\"batonSuspended\":true");
        RunState restored = RunRecovery.restore(store, record);
        assertThat(restored.suspended()).isTrue();
        assertThat(restored.outstanding()).isEmpty();
        assertThat(restored.nodeByName("wf[1].b").phase()).isEqualTo(NodePhase.Pending);

        List<Effect> resumed = scheduler.apply(restored, new RunEvent.ResumeRequested(), t0.plusSeconds(3)).effects();
        assertThat(resumed).anyMatch(e -> e instanceof Effect.LaunchStep l && l.step().nodeName().equals("wf[1].b"));
    }

    @Test
    void aRetriedRunIsRebuiltByReplayWithItsKeptNodesAndTheRelaunchedStepOutstanding() {
        RunState state = newRun();
        StoreJournal journal = new StoreJournal(store, "engine-1", clock, Duration.ofMinutes(1));
        journal.begin(state);
        Effect.LaunchStep a = (Effect.LaunchStep) apply(state, journal, new RunEvent.RunStarted(), t0).getFirst();
        List<Effect> afterA = apply(state, journal, new RunEvent.StepFinished(a.nodeId(), 0,
                RunEvent.StepReport.exited(0, "hi\n", Map.of())), t0.plusSeconds(2));
        Effect.LaunchStep b = (Effect.LaunchStep) afterA.stream().filter(e -> e instanceof Effect.LaunchStep)
                .findFirst().orElseThrow();
        apply(state, journal, new RunEvent.StepFinished(b.nodeId(), 0, RunEvent.StepReport.exited(3, "", Map.of())),
                t0.plusSeconds(3));
        assertThat(state.phase()).isEqualTo(WorkflowPhase.Failed);
        journal.end(state);

        var lease = store.leases().acquire("uid-1", "engine-1", Duration.ofMinutes(1), t0.plusSeconds(10));
        assertThat(lease).as("a finished run can be taken again to retry it").isPresent();
        StoreJournal retrying = journal.resuming(lease.get());
        List<Effect> retried = apply(state, retrying, new RunEvent.RetryRequested(), t0.plusSeconds(10));
        Effect.LaunchStep again = (Effect.LaunchStep) retried.getFirst();
        assertThat(retried).hasSize(1);
        assertThat(again.nodeId()).isEqualTo(b.nodeId());
        assertThat(again.attempt()).as("a new attempt, never confused with the failed one").isEqualTo(1);
        RunRecord record = store.runs().find("default", "wf").orElseThrow();
        assertThat(record.phase()).isEqualTo("Running");
        assertThat(record.finishedAt()).isNull();
        assertThat(store.log().nodes("uid-1")).extracting(n -> n.displayName() + ":" + n.phase())
                .contains("a:Succeeded", "c:Skipped", "b:Pending");

        RunState restored = RunRecovery.restore(store, record);
        assertThat(restored.phase()).isEqualTo(WorkflowPhase.Running);
        assertThat(restored.startedAt()).isEqualTo(t0);
        assertThat(restored.nodeByName("wf[0].a").phase()).isEqualTo(NodePhase.Succeeded);
        assertThat(restored.nodeByName("wf[0].a").result()).isEqualTo("hi");
        assertThat(restored.nodeByName("wf[0].a").finishedAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(restored.nodeByName("wf[1].b").phase()).isEqualTo(NodePhase.Pending);
        assertThat(restored.outstanding()).containsExactly(again);

        scheduler.apply(restored, new RunEvent.StepFinished(b.nodeId(), 1, RunEvent.StepReport.exited(0, "", Map.of())),
                t0.plusSeconds(12));
        assertThat(restored.phase()).isEqualTo(WorkflowPhase.Succeeded);
    }
}
