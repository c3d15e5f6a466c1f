package dev.baton.engine.runtime.durable;

import dev.baton.engine.core.Effect;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.engine.core.StoredValue;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.engine.runtime.RunJournal;
import dev.baton.model.run.NodePhase;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.store.IndexEntry;
import dev.baton.spi.store.IndexKind;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.StoredEvent;
import dev.baton.template.yaml.ManifestReader;
import dev.baton.testkit.store.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run whose values were kept in the artifact store records their handles, shows their addresses, and resumes. */
class StoredValueRecoveryTest {
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: a, template: produce}
                - - name: b
                    template: consume
                    arguments:
                      parameters: [{name: text, value: "{{steps.a.outputs.parameters.data}}"}]
              - name: produce
                container: {image: busybox, command: [echo]}
                outputs:
                  parameters:
                  - name: data
                    valueFrom: {path: /tmp/data}
              - name: consume
                inputs:
                  parameters: [{name: text}]
                script: {image: busybox, command: [sh], source: "echo '{{inputs.parameters.text}}'"}
            """;
    private static final StoredValue RESULT = new StoredValue("sha256:" + "c".repeat(64), 104_857_600);
    private static final StoredValue DATA = new StoredValue("sha256:" + "d".repeat(64), 20_971_520);

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final Scheduler scheduler = new Scheduler();

    @Test
    void handlesAreJournaledIndexedShownByAddressAndRestored() {
        Workflow wf = (Workflow) new ManifestReader().read("wf.yaml", WORKFLOW).documents().getFirst().manifest();
        RunState state = new RunState(RunContexts.of(wf, TemplateLibrary.EMPTY, t0, "x", "uid-1"));
        StoreJournal journal = new StoreJournal(store, "engine-1", Clock.fixed(t0, ZoneOffset.UTC),
                Duration.ofMinutes(1));
        journal.begin(state);
        Effect.LaunchStep a = (Effect.LaunchStep) apply(state, journal, new RunEvent.RunStarted()).getFirst();
        List<Effect> afterA = apply(state, journal, new RunEvent.StepFinished(a.nodeId(), 0,
                RunEvent.StepReport.exited(0, RESULT.handle(), Map.of("data", DATA.handle()))));
        Effect.LaunchStep b = (Effect.LaunchStep) afterA.stream().filter(e -> e instanceof Effect.LaunchStep)
                .findFirst().orElseThrow();

        List<StoredEvent> events = store.log().events("uid-1", 0);
        assertThat(events).extracting(StoredEvent::payloadJson).allMatch(json -> json.length() < 2000);
        assertThat(String.join("", events.stream().map(StoredEvent::payloadJson).toList()))
                .contains(RESULT.digest(), DATA.digest());
        NodeRow rowA = store.log().nodes("uid-1").stream().filter(n -> n.displayName().equals("a")).findFirst()
                .orElseThrow();
        assertThat(rowA.statusJson()).contains("\"storedResult\":{\"digest\":\"" + RESULT.digest()
                        + "\",\"size\":104857600}")
                .contains("{\"name\":\"data\",\"storedValue\":{\"digest\":\"" + DATA.digest() + "\",\"size\":20971520}}")
                .doesNotContain("\u0001").doesNotContain("\\u0001");
        assertThat(store.artifactIndex().list("uid-1")).filteredOn(e -> e.kind() == IndexKind.VALUE)
                .extracting(IndexEntry::name, IndexEntry::digest)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("result", RESULT.digest()),
                        org.assertj.core.groups.Tuple.tuple("parameters.data", DATA.digest()));
        assertThat(store.artifactIndex().liveDigests()).contains(RESULT.digest(), DATA.digest());

        RunState restored = RunRecovery.restore(store, store.runs().find("default", "wf").orElseThrow());
        assertThat(restored.nodeByName("wf[0].a").phase()).isEqualTo(NodePhase.Succeeded);
        assertThat(restored.nodeByName("wf[0].a").result()).isEqualTo(RESULT.handle());
        assertThat(restored.nodeByName("wf[0].a").outputParameters()).containsEntry("data", DATA.handle());
        assertThat(restored.outstanding()).containsExactly(b);
        assertThat(b.step().inputParameters()).containsEntry("text", DATA.handle());
    }

    private List<Effect> apply(RunState state, RunJournal journal, RunEvent event) {
        List<Effect> effects = scheduler.apply(state, event, t0).effects();
        journal.record(state, List.of(new RunJournal.TimedEvent(event, t0)), state.takeChanged());
        return effects;
    }
}
