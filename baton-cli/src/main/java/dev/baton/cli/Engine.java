package dev.baton.cli;

import dev.baton.server.ArtifactStores;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.driver.process.HostDriver;
import dev.baton.driver.process.HostDriverSettings;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.InMemoryMemoCache;
import dev.baton.engine.runtime.MemoCache;
import dev.baton.engine.runtime.durable.StoreMemoCache;
import dev.baton.spi.store.Store;
import dev.baton.engine.runtime.LocalLockService;
import dev.baton.engine.runtime.RunLoop;
import dev.baton.engine.runtime.StepCollection;
import dev.baton.engine.runtime.value.ValueLimits;
import dev.baton.engine.runtime.StepPreparation;
import dev.baton.engine.runtime.WorkLayout;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.engine.runtime.artifact.repository.RunRepository;
import dev.baton.engine.runtime.artifact.repository.Secrets;
import dev.baton.model.spec.WorkflowSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Assembles the parts that run workflows in this process: host driver, artifact store, run loop. */
final class Engine {
    private final Path home;
    private final Clock clock;
    private final boolean terminal;
    private final boolean keepWork;
    private final Integer maxParallelSteps;
    private MemoCache memoCache = new InMemoryMemoCache();
    private RunRepository repository;
    private String namespace = Secrets.DEFAULT_NAMESPACE;

    private Engine(Path home, Clock clock, boolean keepWork, Integer maxParallelSteps) {
        this.home = home;
        this.clock = clock;
        this.keepWork = keepWork;
        this.maxParallelSteps = maxParallelSteps;
        this.terminal = System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
    }

    static Engine open(Path home, Clock clock, boolean keepWork, Integer maxParallelSteps) {
        return new Engine(home, clock, keepWork, maxParallelSteps);
    }

    /** Keeps memoized outputs in the store (shared by runs, kept across restarts). */
    Engine memoizingIn(Store store) {
        if (store != null) {
            this.memoCache = new StoreMemoCache(store);
        }
        return this;
    }

    /**
     * Uses the artifact repository the run's spec chooses ({@code artifactRepositoryRef}, else the default), and
     * the secrets of the run's namespace.
     */
    Engine repositoryFor(WorkflowSpec spec, String namespace) {
        this.repository = ArtifactRepositories.choose(home, spec.artifactRepositoryRef(), System.getenv());
        this.namespace = namespace;
        return this;
    }

    /** What to do with a ready run loop. */
    interface Work {
        RunState on(RunLoop loop) throws Exception;
    }

    RunState run(Work work) throws Exception {
        try (ArtifactStore store = ArtifactStores.open(home);
             HostDriver driver = hostDriver()) {
            ArtifactFiles artifacts = new ArtifactFiles(store,
                    repository != null ? repository : ArtifactRepositories.choose(home, null, System.getenv()),
                    ArtifactRepositories.opener(home, System.getenv(), namespace));
            RunLoop loop = new RunLoop(driver, new StepPreparation(home.resolve("work"), artifacts),
                    new StepCollection(artifacts, keepWork, ValueLimits.from(System.getenv())), clock,
                    new ProgressPrinter(System.err, terminal, clock),
                    memoCache, new LocalLockService(),
                    maxParallelSteps == null ? RunLoop.defaultParallelSteps() : maxParallelSteps);
            Interrupts.onInterrupt(() -> loop.cancel("Stopped by user (interrupt)"));
            RunState state = work.on(loop);
            new WorkLayout(home.resolve("work")).removeIfEmpty(state.context().namespace(), state.context().uid());
            return state;
        }
    }

    /**
     * Steps never see this Baton home; where the host allows no sandbox they still run (the user runs their own
     * code), after the driver's one warning.
     */
    private HostDriver hostDriver() {
        return new HostDriver(HostDriverSettings.from(Map.of(
                HostDriverSettings.HIDDEN_PATHS, home.toAbsolutePath().toString(),
                HostDriverSettings.INSECURE_STEPS, "true")));
    }
}
