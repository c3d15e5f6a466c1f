package dev.baton.server;

import dev.baton.cron.service.CronService;
import dev.baton.driver.process.HostDriver;
import dev.baton.driver.process.HostDriverSettings;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.server.auth.Guard;
import dev.baton.server.cron.ServerCronRuns;
import dev.baton.server.auth.TokenGuard;
import dev.baton.server.http.Api;
import dev.baton.server.http.ArtifactRoutes;
import dev.baton.server.http.ControlRoutes;
import dev.baton.server.http.CronRoutes;
import dev.baton.server.http.TemplateRoutes;
import dev.baton.server.http.EventRoutes;
import dev.baton.server.http.HostCheck;
import dev.baton.server.http.ProblemErrorHandler;
import dev.baton.server.http.LogRoutes;
import dev.baton.server.http.ProblemResponses;
import dev.baton.server.http.RequestBodies;
import dev.baton.server.http.WorkflowRoutes;
import dev.baton.server.runs.RunEvents;
import dev.baton.server.runs.RunExecutor;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TemplateKind;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Baton server, the composition root: opens the store, the artifact store and the host driver, executes
 * submitted workflows (taking over the unfinished ones it finds), starts cron workflows' runs on schedule and
 * serves Argo Server's REST API over HTTP.
 */
public final class BatonServer implements AutoCloseable {
    private final Store store;
    private final ArtifactStore artifacts;
    private final HostDriver driver;
    private final RunExecutor executor;
    private final Javalin app;
    private final Api api;
    private final URI uri;
    private final CronService cron;

    private BatonServer(ServerConfig config, Path home, Store store, Clock cronClock) throws IOException {
        config.checkExposure();
        this.store = store;
        this.artifacts = ArtifactStores.open(home);
        // Steps never see the server's home (database, blobs, work areas, secrets); see HostDriverSettings.
        this.driver = new HostDriver(HostDriverSettings.from(Map.of(
                HostDriverSettings.HIDDEN_PATHS, home.toAbsolutePath().toString(),
                HostDriverSettings.INSECURE_STEPS, Boolean.toString(config.insecureSteps()))));
        Clock clock = Clock.systemUTC();
        RunEvents events = new RunEvents();
        ServerMetrics metrics = new ServerMetrics();
        this.executor = new RunExecutor(store, driver, new ArtifactFiles(artifacts), home, clock,
                StoreAccess.owner(), config.maxRunningWorkflows(), (state, changed) -> {
                    events.updated(state, changed);
                    metrics.updated(state, changed);
                });
        Guard guard = config.authRequired() ? new TokenGuard(store, clock) : Guard.OPEN;
        RequestBodies bodies = new RequestBodies(config.maxRequestBytes());
        WorkflowRoutes workflows = new WorkflowRoutes(store, executor, bodies, clock, this::collectGarbage);
        Api[] registered = new Api[1];
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.concurrency.useVirtualThreads = true;
            c.http.prefer405over404 = true;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.maxRequestSize = config.maxRequestBytes();
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                for (var connector : server.getConnectors()) {
                    if (connector instanceof ServerConnector sc) {
                        sc.setIdleTimeout(config.requestTimeout().toMillis());
                    }
                }
            });
            ProblemResponses.install(c);
            if (!config.authRequired()) {
                HostCheck hosts = HostCheck.forAddress(config.address(), config.allowedHosts());
                c.routes.before(hosts::check);
            }
            Api a = new Api(c, guard);
            a.open("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            a.open("/readyz", ctx -> {
                store.runs().list(RunQuery.all().limit(1));
                ctx.json(Map.of("status", "ready"));
            });
            a.open("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape(executor, storeProbe(config, guard, ctx))));
            a.open("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
            workflows.register(a);
            new TemplateRoutes(store, bodies, clock, TemplateKind.WORKFLOW_TEMPLATE).register(a);
            new TemplateRoutes(store, bodies, clock, TemplateKind.CLUSTER_WORKFLOW_TEMPLATE).register(a);
            new CronRoutes(store, bodies, cronClock, ZoneId.systemDefault()).register(a);
            new ControlRoutes(store, executor, workflows, bodies).register(a);
            new LogRoutes(store, artifacts, home.resolve("work")).register(a);
            new ArtifactRoutes(store, artifacts).register(a);
            new EventRoutes(events).register(a);
            registered[0] = a;
        });
        this.api = registered[0];
        app.start(config.address(), config.port());
        int taken = executor.takeOver();
        if (taken > 0) {
            System.err.println("taking over " + taken + " unfinished run(s)");
        }
        if (config.cronEnabled()) {
            this.cron = new CronService(store.crons(), new ServerCronRuns(store, executor, workflows,
                    this::collectGarbage), cronClock, ZoneId.systemDefault());
            cron.start(config.cronTick());
        } else {
            this.cron = null;
        }
        String host = config.address().contains(":") ? "[" + config.address() + "]" : config.address();
        this.uri = URI.create("http://" + host + ":" + app.port());
    }

    /**
     * The store, for a scrape that may make it answer a query: only one with a valid token when tokens are
     * required. An unauthenticated scrape shows what the server counts in memory and never reaches the database,
     * so a public {@code /metrics} cannot be used to load it.
     */
    private Optional<Store> storeProbe(ServerConfig config, Guard guard, io.javalin.http.Context ctx) {
        if (!config.authRequired() || ctx.header("Authorization") == null) {
            return Optional.empty();
        }
        guard.check(ctx, dev.baton.server.auth.Action.READ, null);
        return Optional.of(store);
    }

    /** Starts a server with the store its configuration names (SQLite under {@code home} by default). */
    public static BatonServer start(ServerConfig config, Path home) throws IOException {
        return start(config, home, StoreAccess.open(home, config.storeUrl()));
    }

    /** Starts a server on a store opened by the caller; the server closes it when it stops. */
    public static BatonServer start(ServerConfig config, Path home, Store store) throws IOException {
        return start(config, home, store, Clock.systemUTC());
    }

    /**
     * Starts a server whose cron workflows are scheduled by {@code cronClock} (their creation time, and when a run
     * is due); runs themselves keep the system clock. Tests pass a clock they move, and call {@link #cron()}.
     */
    public static BatonServer start(ServerConfig config, Path home, Store store, Clock cronClock)
            throws IOException {
        try {
            return new BatonServer(config, home, store, cronClock);
        } catch (RuntimeException | IOException e) {
            store.close();
            throw e;
        }
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:2746}. */
    public URI uri() {
        return uri;
    }

    /** Every route of the API (for its description). */
    public List<Api.Route> routes() {
        return api.routes();
    }

    /** The cron scheduler, unless {@code cron.enabled} is false; its {@code tick()} checks every cron now. */
    public Optional<CronService> cron() {
        return Optional.ofNullable(cron);
    }

    private void collectGarbage() {
        try {
            artifacts.collectGarbage(store.artifactIndex().liveDigests());
        } catch (IOException e) {
            System.err.println("baton server: artifact garbage collection failed: " + e.getMessage());
        }
    }

    /** Stops serving and executing; running runs keep their state in the store and a restart resumes them. */
    @Override
    public void close() {
        if (cron != null) {
            cron.close();
        }
        app.stop();
        try {
            executor.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driver.close();
        try {
            artifacts.close();
        } catch (Exception e) {
            System.err.println("baton server: closing the artifact store failed: " + e.getMessage());
        }
        store.close();
    }
}
