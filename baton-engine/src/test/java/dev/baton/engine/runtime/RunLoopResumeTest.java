package dev.baton.engine.runtime;

import dev.baton.engine.core.Effect;
import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;
import dev.baton.template.yaml.ManifestReader;
import dev.baton.testkit.artifact.InMemoryArtifactStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run rebuilt after its engine died continues from what was in flight: a step whose launch was recorded
 * is picked up through the driver, started only when the driver says it never ran, and never started twice.
 */
class RunLoopResumeTest {
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
              - name: echo
                container: {image: busybox, command: [echo, hi]}
            """;

    @TempDir
    Path work;

    /** The state a crash leaves: the run started and step a's launch recorded, nothing more. */
    private static RunState launchedA() {
        Workflow wf = (Workflow) new ManifestReader().read("wf.yaml", WORKFLOW).documents().getFirst().manifest();
        RunState state = new RunState(RunContexts.of(wf, TemplateLibrary.EMPTY, Instant.now(), "x", "uid-1"));
        List<Effect> effects = new Scheduler().apply(state, new RunEvent.RunStarted(), Instant.now()).effects();
        assertThat(effects).hasAtLeastOneElementOfType(Effect.LaunchStep.class);
        state.takeChanged();
        return state;
    }

    private RunLoop loop(Driver driver) throws IOException {
        ArtifactFiles artifacts = new ArtifactFiles(new InMemoryArtifactStore());
        return new RunLoop(driver, new StepPreparation(work, artifacts), new StepCollection(artifacts, false),
                Clock.systemUTC(), RunListener.NONE);
    }

    @Test
    void aLaunchTheDriverNeverStartedIsStartedOnceAndTheRunGoesOn() throws Exception {
        StepsOnHand driver = new StepsOnHand(false);

        RunState done = loop(driver).resume(launchedA());

        assertThat(done.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(driver.reattached).containsExactly("wf[0].a");
        assertThat(driver.started).containsExactly("wf[0].a", "wf[1].b");
    }

    @Test
    void aStepTheDriverReattachesIsCollectedAndNeverStartedAgain() throws Exception {
        StepsOnHand driver = new StepsOnHand(true);

        RunState done = loop(driver).resume(launchedA());

        assertThat(done.phase()).isEqualTo(WorkflowPhase.Succeeded);
        assertThat(done.nodeByName("wf[0].a").result()).isEqualTo("from the earlier engine");
        assertThat(driver.reattached).containsExactly("wf[0].a");
        assertThat(driver.started).containsExactly("wf[1].b");
    }

    @Test
    void aStepsWorkAreaStaysUntilItsEndIsRecorded() throws Exception {
        StepsOnHand driver = new StepsOnHand(false);
        List<String> presentWhenRecorded = new CopyOnWriteArrayList<>();
        RunJournal journal = new RunJournal() {
            @Override
            public void begin(RunState state) {
            }

            @Override
            public void record(RunState state, List<TimedEvent> events, List<NodeState> changed) {
                for (TimedEvent timed : events) {
                    if (timed.event() instanceof RunEvent.StepFinished finished) {
                        Path area = work.resolve("default").resolve("uid-1").resolve(finished.nodeId() + "-" + finished.attempt());
                        presentWhenRecorded.add(Files.isDirectory(area) + "");
                    }
                }
            }

            @Override
            public void end(RunState state) {
            }
        };

        loop(driver).journal(journal).resume(launchedA());

        assertThat(presentWhenRecorded).containsExactly("true", "true");
        try (var left = Files.list(work.resolve("default").resolve("uid-1"))) {
            assertThat(left.toList()).as("removed once recorded").isEmpty();
        }
    }

    /** Runs each step at once, writing its output in its work area; says whether launches were started before. */
    private static final class StepsOnHand implements Driver {
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> reattached = new CopyOnWriteArrayList<>();
        private final boolean ranBefore;

        StepsOnHand(boolean ranBefore) {
            this.ranBefore = ranBefore;
        }

        @Override
        public void start(StepLaunch launch, StepListener listener) {
            started.add(launch.nodeName());
            finish(launch, listener, "hi");
        }

        @Override
        public boolean reattach(StepLaunch launch, StepListener listener) {
            reattached.add(launch.nodeName());
            if (!ranBefore) {
                return false;
            }
            finish(launch, listener, "from the earlier engine");
            return true;
        }

        private static void finish(StepLaunch launch, StepListener listener, String said) {
            Thread.ofVirtual().start(() -> {
                try {
                    Path stdout = Files.createDirectories(launch.workArea()).resolve("stdout.log");
                    Files.writeString(stdout, said + "\n");
                    listener.started(launch.attempt());
                    listener.finished(launch.attempt(), new StepOutcome.Exited(0, stdout, null, Map.of(), false));
                } catch (IOException e) {
                    listener.finished(launch.attempt(), new StepOutcome.Failed(e.toString()));
                }
            });
        }

        @Override
        public void cancel(AttemptId attempt, String reason) {
        }

        @Override
        public void close() {
        }
    }
}
