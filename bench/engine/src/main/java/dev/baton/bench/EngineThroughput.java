package dev.baton.bench;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import dev.baton.engine.core.RunContext;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.engine.runtime.InMemoryMemoCache;
import dev.baton.engine.runtime.LocalLockService;
import dev.baton.engine.runtime.RunJournal;
import dev.baton.engine.runtime.RunListener;
import dev.baton.engine.runtime.RunLoop;
import dev.baton.engine.runtime.StepCollection;
import dev.baton.engine.runtime.StepPreparation;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.engine.runtime.durable.StoreJournal;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;
import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;
import dev.baton.template.yaml.ManifestReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole engine — run loop, step preparation and collection, artifact store, journal in a real store — with a
 * driver whose steps finish the moment they start, so what is measured is everything Baton adds around a step.
 * Reports node transitions per second and, on a chain, the latency from a step finishing to its dependent being
 * handed to the driver.
 *
 * <pre>
 * java -cp "bench/engine/target/baton-bench-engine.jar:bench/engine/target/lib/*" dev.baton.bench.EngineThroughput \
 *     [sqlite|postgres|none] [SIZE...]
 * </pre>
 *
 * PostgreSQL is reached through {@code BATON_TEST_POSTGRES_URL} (a fresh schema per measurement).
 */
public final class EngineThroughput {
    /** Created, running and finished: the transitions each step node makes. */
    private static final int TRANSITIONS_PER_NODE = 3;
    /** Chains are one step at a time: beyond this length they only take longer to show the same latency. */
    private static final int LONGEST_CHAIN = 10_000;

    private EngineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String storeKind = args.length > 0 ? args[0] : "sqlite";
        int[] sizes = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[]{1_000, 10_000, 100_000};
        System.out.println("| store | shape | nodes | wall s | node transitions/s | db bytes | p50 ms | p99 ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        measure(storeKind, "fan-out", NoOpRun.fanOut(200), 200, null); // warm-up, not printed
        for (int size : sizes) {
            print(measure(storeKind, "fan-out", NoOpRun.fanOut(size), size, null));
            if (size <= LONGEST_CHAIN) {
                print(measure(storeKind, "chain", NoOpRun.chain(size), size, new ConcurrentHashMap<>()));
            }
        }
    }

    record Result(String store, String shape, int nodes, double seconds, long dbBytes, double p50, double p99) {
    }

    private static void print(Result r) {
        System.out.printf("| %s | %s | %,d | %.2f | %,.0f | %s | %s | %s |%n", r.store, r.shape, r.nodes, r.seconds,
                r.nodes * TRANSITIONS_PER_NODE / r.seconds, r.dbBytes < 0 ? "–" : String.format("%,d", r.dbBytes),
                Double.isNaN(r.p50) ? "–" : String.format("%.2f", r.p50),
                Double.isNaN(r.p99) ? "–" : String.format("%.2f", r.p99));
    }

    private static Result measure(String storeKind, String shape, String yaml, int size,
                                  Map<String, long[]> times) throws Exception {
        Workflow workflow = (Workflow) new ManifestReader().read("bench.yaml", yaml).documents().getFirst().manifest();
        Path home = Files.createTempDirectory("baton-bench-");
        Clock clock = Clock.systemUTC();
        try (Store store = open(storeKind, home);
             FilesystemArtifactStore artifacts = new FilesystemArtifactStore(home.resolve("artifacts"));
             InstantDriver driver = new InstantDriver(times)) {
            ArtifactFiles files = new ArtifactFiles(artifacts);
            RunLoop loop = new RunLoop(driver, new StepPreparation(home.resolve("work"), files),
                    new StepCollection(files, false), clock, RunListener.NONE, new InMemoryMemoCache(),
                    new LocalLockService(), RunLoop.defaultParallelSteps());
            RunJournal journal = store == null ? RunJournal.NONE
                    : new StoreJournal(store, "bench", clock, Duration.ofMinutes(5));
            RunContext context = RunContexts.of(workflow, TemplateLibrary.EMPTY, clock.instant(), "b",
                    UUID.randomUUID().toString());
            long start = System.nanoTime();
            RunState end = loop.journal(journal).run(new RunState(context));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (end.phase() != WorkflowPhase.Succeeded) {
                throw new IllegalStateException(shape + " " + size + " ended " + end.phase() + ": " + end.message());
            }
            double[] latency = times == null ? null : chainLatencies(times, size);
            return new Result(storeKind, shape, end.nodes().size(), seconds,
                    storeKind.equals("sqlite") ? sizeOf(home, "baton.db") : -1,
                    latency == null ? Double.NaN : percentile(latency, 0.50),
                    latency == null ? Double.NaN : percentile(latency, 0.99));
        } finally {
            delete(home);
        }
    }

    private static Store open(String kind, Path home) {
        return switch (kind) {
            case "sqlite" -> JdbcStore.sqlite(home.resolve("baton.db"));
            case "postgres" -> {
                String url = System.getenv("BATON_TEST_POSTGRES_URL");
                if (url == null) {
                    throw new IllegalStateException("set BATON_TEST_POSTGRES_URL to measure on PostgreSQL");
                }
                yield JdbcStore.postgres(PostgresSettings.of(url, System.getenv("BATON_STORE_USER"),
                        System.getenv("BATON_STORE_PASSWORD")).withSchema("bench_" + System.nanoTime()));
            }
            case "none" -> null;
            default -> throw new IllegalArgumentException("store must be sqlite, postgres or none: " + kind);
        };
    }

    /** For t1…tN of a chain: when t(i) was handed to the driver minus when t(i−1) finished, in ms. */
    private static double[] chainLatencies(Map<String, long[]> times, int length) {
        double[] out = new double[length - 1];
        for (int i = 1; i < length; i++) {
            long[] previous = times.get("t" + (i - 1));
            long[] current = times.get("t" + i);
            out[i - 1] = (current[0] - previous[1]) / 1e6;
        }
        Arrays.sort(out);
        return out;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long sizeOf(Path home, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reports every step started and exited 0 at once, from the caller's thread; remembers when. */
    private static final class InstantDriver implements Driver {
        private final Map<String, long[]> times;

        InstantDriver(Map<String, long[]> times) {
            this.times = times;
        }

        @Override
        public void start(StepLaunch launch, StepListener listener) {
            long started = System.nanoTime();
            listener.started(launch.attempt());
            long finished = System.nanoTime();
            if (times != null) {
                times.put(launch.nodeName().substring(launch.nodeName().lastIndexOf('.') + 1),
                        new long[]{started, finished});
            }
            listener.finished(launch.attempt(), new StepOutcome.Exited(0, null, null, Map.of(), false));
        }

        @Override
        public void cancel(AttemptId attempt, String reason) {
        }

        @Override
        public void close() {
        }
    }
}
