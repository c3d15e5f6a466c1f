package dev.baton.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.WorkflowView;
import dev.baton.engine.runtime.durable.StoreJournal;
import dev.baton.server.StoredRuns;
import dev.baton.server.auth.Action;
import dev.baton.server.runs.RunExecutor;
import dev.baton.server.runs.WorkflowSubmission;
import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.StoreException;
import dev.baton.template.Problem;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Argo Server's workflow endpoints: submit, list, get and delete runs. */
public final class WorkflowRoutes {
    private static final Set<String> PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Error");
    private final Store store;
    private final RunExecutor executor;
    private final RequestBodies bodies;
    private final Clock clock;
    private final Runnable collectGarbage;

    public WorkflowRoutes(Store store, RunExecutor executor, RequestBodies bodies, Clock clock,
                          Runnable collectGarbage) {
        this.store = store;
        this.executor = executor;
        this.bodies = bodies;
        this.clock = clock;
        this.collectGarbage = collectGarbage;
    }

    public void register(Api api) {
        api.post("/api/v1/workflows/{ns}", Action.WRITE, this::create);
        api.get("/api/v1/workflows/{ns}", Action.READ, this::list);
        api.get("/api/v1/workflows/{ns}/{name}", Action.READ, this::get);
        api.delete("/api/v1/workflows/{ns}/{name}", Action.WRITE, this::delete);
    }

    private void create(Context ctx) throws IOException {
        String namespace = ctx.pathParam("ns");
        RequestBodies.Body body = bodies.read(ctx);
        String text = body.text();
        boolean dryRun = false;
        if (body.format() == RequestBodies.Format.JSON) {
            JsonNode request = parseJson(text);
            JsonNode workflow = request.get("workflow");
            if (workflow == null || !workflow.isObject()) {
                throw ApiError.badRequest("the body must be {\"workflow\": {...}} (or a Workflow document sent as "
                        + "application/yaml)");
            }
            text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(workflow);
            dryRun = request.path("serverDryRun").asBoolean(false);
        }
        RunState state = submit(namespace, text, Map.of());
        if (!dryRun) {
            store(state);
        }
        ctx.json(WorkflowView.of(state));
    }

    /** Validates and names a workflow document in a namespace, or answers 400 with every problem. */
    public RunState submit(String namespace, String text, Map<String, String> parameters) {
        WorkflowSubmission.Outcome outcome = WorkflowSubmission.check(store, namespace, text, parameters,
                clock.instant());
        return switch (outcome) {
            case WorkflowSubmission.Accepted accepted -> new RunState(accepted.context());
            case WorkflowSubmission.Rejected rejected -> throw invalid(rejected.problems());
        };
    }

    /** Stores the run as Pending and queues it for execution; 409 when its name is taken. */
    public void store(RunState state) {
        try {
            store.runs().create(StoreJournal.newRecord(state));
        } catch (ConflictException e) {
            throw ApiError.conflict("a workflow named '" + state.runName() + "' already exists in namespace "
                    + state.context().namespace());
        }
        executor.enqueue(state.context().uid());
    }

    static ApiError invalid(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("path", p.path());
            item.put("line", p.line());
            item.put("column", p.column());
            item.put("message", p.message());
            list.add(item);
        }
        String first = problems.isEmpty() ? "" : ": " + describe(problems.getFirst());
        return new ApiError(400, "Invalid Workflow", problems.size() + " problem(s) in the workflow" + first, list);
    }

    private static String describe(Problem p) {
        return (p.line() > 0 ? "line " + p.line() + ": " : "") + (p.path().isEmpty() ? "" : p.path() + ": ")
                + p.message();
    }

    static JsonNode parseJson(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + JsonFailures.describe(e));
        }
    }

    private void list(Context ctx) {
        RunQuery query = RunQuery.all().inNamespace(ctx.pathParam("ns"));
        Set<String> phases = new LinkedHashSet<>(ctx.queryParams("phase"));
        for (String phase : phases) {
            if (!PHASES.contains(phase)) {
                throw ApiError.badRequest("phase must be one of " + PHASES.stream().sorted().toList() + ", not '"
                        + phase + "'");
            }
        }
        query = query.withPhases(phases).withLabels(labelSelector(ctx.queryParam("listOptions.labelSelector")))
                .createdBetween(instant(ctx, "createdAfter"), instant(ctx, "createdBefore"));
        String limit = ctx.queryParam("listOptions.limit");
        if (limit != null && !limit.isBlank()) {
            query = query.limit(limit(limit));
        }
        String cursor = ctx.queryParam("listOptions.continue");
        if (cursor != null && !cursor.isBlank()) {
            query = query.after(cursor);
        }
        Page<RunSummary> page;
        try {
            page = store.runs().list(query);
        } catch (StoreException e) {
            throw ApiError.badRequest("listOptions.continue is not a cursor this server returned: " + cursor);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (RunSummary run : page.items()) {
            items.add(StoredRuns.summary(run));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (page.hasMore()) {
            metadata.put("continue", page.nextCursor());
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "argoproj.io/v1alpha1");
        list.put("kind", "WorkflowList");
        list.put("metadata", metadata);
        list.put("items", items);
        ctx.json(list);
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= RunQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.badRequest("listOptions.limit must be a whole number from 1 to " + RunQuery.MAX_LIMIT
                + ", not '" + text + "'");
    }

    /** {@code a=b,c=d} (equality terms only). */
    static Map<String, String> labelSelector(String selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (selector == null || selector.isBlank()) {
            return labels;
        }
        for (String term : selector.split(",")) {
            String t = term.trim();
            int eq = t.indexOf('=');
            String key = eq < 0 ? "" : t.substring(0, eq).trim();
            String value = eq < 0 ? "" : t.substring(t.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
            if (eq <= 0 || key.endsWith("!")) {
                throw ApiError.badRequest("listOptions.labelSelector supports only key=value terms separated by "
                        + "commas, not '" + t + "'");
            }
            labels.put(key, value);
        }
        return labels;
    }

    private static Instant instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be an RFC 3339 time such as 2026-01-31T12:00:00Z, not '"
                    + text + "'");
        }
    }

    private void get(Context ctx) throws IOException {
        ctx.json(StoredRuns.workflow(store, find(ctx)));
    }

    /** The run named in the path, or 404. */
    public RunRecord find(Context ctx) {
        String namespace = ctx.pathParam("ns");
        String name = ctx.pathParam("name");
        return store.runs().find(namespace, name).orElseThrow(() -> ApiError.notFound("no workflow named '"
                + name + "' in namespace " + namespace));
    }

    private void delete(Context ctx) throws InterruptedException {
        RunRecord run = find(ctx);
        boolean force = "true".equals(ctx.queryParam("force"));
        if (!run.finished()) {
            if (!force) {
                throw ApiError.conflict("workflow '" + run.name() + "' is " + run.phase()
                        + "; stop or terminate it first, or delete with ?force=true");
            }
            executor.loopOf(run.uid()).ifPresent(loop -> loop.cancel("Deleted while running"));
            awaitEnd(run.uid());
        }
        store.runs().delete(run.uid());
        collectGarbage.run();
        ctx.json(Map.of());
    }

    private void awaitEnd(String uid) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (executor.loopOf(uid).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
