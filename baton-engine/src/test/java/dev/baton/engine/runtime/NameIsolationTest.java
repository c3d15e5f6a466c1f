package dev.baton.engine.runtime;

import dev.baton.engine.core.ResolvedStep;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.engine.runtime.artifact.repository.FilesystemObjects;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;
import dev.baton.spi.file.UnsafePathException;
import dev.baton.template.yaml.ManifestReader;
import dev.baton.testkit.artifact.InMemoryArtifactStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every place the engine turns a run's namespace, uid or node id (or an artifact key) into a path, attacked with
 * names that try to leave {@code $BATON_HOME}: nothing is created, read or deleted outside it. And two runs with one
 * name in two namespaces, at once, share nothing.
 */
class NameIsolationTest {
    /** Names a user could try; the last ones are refused by the file system's own rules. */
    private static final List<String> HOSTILE = List.of("../../victim", "../victim", "..", ".", "", "a/b",
            "/tmp/x", "a\u0000b", "a\nb", "x".repeat(300), "..\\..\\victim");
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: same-name, namespace: %s}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: a, template: echo}
              - name: echo
                container: {image: busybox, command: [echo, "{{workflow.namespace}}"]}
            """;

    @TempDir
    Path temp;
    Path home;
    Path work;
    /** An empty directory beside the home: the old code deleted {@code work/<name>} when it was empty. */
    Path victim;

    @BeforeEach
    void layOut() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        work = home.resolve("work");
        victim = Files.createDirectories(temp.resolve("victim"));
    }

    @Test
    void hostileNamespacesUidsAndNodeIdsNeverMakeAWorkArea() throws IOException {
        StepPreparation preparation = new StepPreparation(work, new ArtifactFiles(new InMemoryArtifactStore()));
        ResolvedStep step = step();
        for (String hostile : HOSTILE) {
            List<Runnable> attempts = List.of(
                    () -> prepare(preparation, new RunKey(hostile, "w", "uid"), new AttemptId("uid", "n", 0), step),
                    () -> prepare(preparation, new RunKey("ns", "w", hostile), new AttemptId(hostile, "n", 0), step),
                    () -> prepareNode(preparation, new AttemptId("uid", hostile, 0), step),
                    () -> describe(preparation, new RunKey(hostile, "w", hostile), new AttemptId(hostile, hostile, 0),
                            step));
            attempts.forEach(Runnable::run);
            new WorkLayout(work).removeIfEmpty(hostile, hostile);
            new WorkLayout(work).removeIfEmpty("..", hostile);
        }

        assertThat(victim).isEmptyDirectory();
        assertThat(outsideHome()).containsExactly(victim);
        try (Stream<Path> created = Files.walk(home)) {
            assertThat(created.filter(p -> !p.equals(home) && !p.startsWith(work.resolve("ns")))
                    .filter(p -> !p.equals(work))).isEmpty();
        }
    }

    @Test
    void removingAnEmptyRunDirectoryNeverReachesOutside() throws IOException {
        Files.createDirectories(home.resolve("work"));

        new WorkLayout(work).removeIfEmpty("..", "..");
        new WorkLayout(work).removeIfEmpty("..", "../victim");
        new WorkLayout(work).removeIfEmpty("../..", "victim");

        assertThat(victim).isEmptyDirectory();
        assertThat(work).isDirectory();
    }

    @Test
    void hostileArtifactKeysNeverLeaveTheRepository() throws IOException {
        Path secret = Files.writeString(victim.resolve("secret"), "keep");
        Path file = Files.writeString(home.resolve("f"), "x");
        FilesystemObjects objects = new FilesystemObjects(home.resolve("repository"));
        for (String key : List.of("../../victim/secret", "../victim/secret", "/etc/passwd", "a/../../../victim/x",
                "..")) {
            assertThatThrownBy(() -> objects.put(key, file)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> objects.open(key)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> objects.list(key + "/")).isInstanceOf(IOException.class);
        }

        assertThat(secret).hasContent("keep");
        assertThat(outsideHome()).containsExactlyInAnyOrder(victim, secret);
    }

    @Test
    @Timeout(60)
    void twoRunsWithOneNameInTwoNamespacesRunAtOnceInTheirOwnWorkAreas() throws Exception {
        OncePerAttempt driver = new OncePerAttempt();
        ArtifactFiles artifacts = new ArtifactFiles(new InMemoryArtifactStore());
        RunState a = state("team-a", "uid-a");
        RunState b = state("team-b", "uid-b");

        List<RunState> done;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RunState> first = threads.submit(() -> loop(driver, artifacts).run(a));
            Future<RunState> second = threads.submit(() -> loop(driver, artifacts).run(b));
            done = List.of(first.get(), second.get());
        }

        assertThat(done).extracting(RunState::phase).containsOnly(WorkflowPhase.Succeeded);
        assertThat(done).extracting(s -> s.nodeByName("same-name[0].a").result())
                .containsExactly("team-a", "team-b");
        assertThat(driver.workAreas).containsExactlyInAnyOrder(
                work.toAbsolutePath().resolve("team-a/uid-a").resolve(done.get(0).nodeByName("same-name[0].a").id() + "-0"),
                work.toAbsolutePath().resolve("team-b/uid-b").resolve(done.get(1).nodeByName("same-name[0].a").id() + "-0"));
    }

    private RunLoop loop(Driver driver, ArtifactFiles artifacts) {
        return new RunLoop(driver, new StepPreparation(work, artifacts), new StepCollection(artifacts, true),
                Clock.systemUTC(), RunListener.NONE);
    }

    private static RunState state(String namespace, String uid) {
        Workflow wf = (Workflow) new ManifestReader().read("wf.yaml", WORKFLOW.formatted(namespace)).documents()
                .getFirst().manifest();
        return new RunState(RunContexts.of(wf, TemplateLibrary.EMPTY, Instant.now(), "x", uid));
    }

    private static ResolvedStep step() {
        Workflow wf = (Workflow) new ManifestReader().read("wf.yaml", WORKFLOW.formatted("ns")).documents()
                .getFirst().manifest();
        TemplateSpec echo = wf.spec().templates().getLast();
        return new ResolvedStep("a", "pod-a", echo, Map.of(), null, Map.of("p", "v"));
    }

    private static void prepare(StepPreparation preparation, RunKey run, AttemptId id, ResolvedStep step) {
        assertThatThrownBy(() -> preparation.prepare(run, id, step)).isInstanceOf(UnsafePathException.class);
    }

    /** A node id gets {@code -<attempt>} appended, which makes {@code ..} a plain name: refused or kept inside. */
    private void prepareNode(StepPreparation preparation, AttemptId id, ResolvedStep step) {
        try {
            StepPreparation.Prepared prepared = preparation.prepare(new RunKey("ns", "w", "uid"), id, step);
            assertThat(prepared.workArea().getParent()).isEqualTo(work.toAbsolutePath().resolve("ns/uid"));
        } catch (UnsafePathException e) {
            assertThat(e.getMessage()).startsWith("refused path");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void describe(StepPreparation preparation, RunKey run, AttemptId id, ResolvedStep step) {
        assertThatThrownBy(() -> preparation.describe(run, id, step)).isInstanceOf(UnsafePathException.class);
    }

    private List<Path> outsideHome() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.filter(p -> !p.equals(temp) && !p.startsWith(home)).toList();
        }
    }

    /** Starts each attempt once, as the host driver does, and echoes the step's argument as its output. */
    private static final class OncePerAttempt implements Driver {
        final Set<AttemptId> seen = ConcurrentHashMap.newKeySet();
        final List<Path> workAreas = new CopyOnWriteArrayList<>();

        @Override
        public void start(StepLaunch launch, StepListener listener) {
            if (!seen.add(launch.attempt())) {
                return;
            }
            workAreas.add(launch.workArea());
            Thread.ofVirtual().start(() -> {
                try {
                    Path stdout = Files.createDirectories(launch.workArea()).resolve("stdout.log");
                    Files.writeString(stdout, launch.command().getLast() + "\n");
                    listener.started(launch.attempt());
                    listener.finished(launch.attempt(), new StepOutcome.Exited(0, stdout, null, Map.of(), false));
                } catch (IOException e) {
                    listener.finished(launch.attempt(), new StepOutcome.Failed(e.toString()));
                }
            });
        }

        @Override
        public boolean reattach(StepLaunch launch, StepListener listener) {
            return false;
        }

        @Override
        public void cancel(AttemptId attempt, String reason) {
        }

        @Override
        public void close() {
        }
    }
}
