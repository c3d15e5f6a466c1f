package dev.baton.server.http;

import dev.baton.cron.core.CronRules;
import dev.baton.cron.schedule.CronSpecException;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.Manifest;
import dev.baton.server.auth.Action;
import dev.baton.server.runs.WorkflowSubmission;
import dev.baton.spi.store.CronRecord;
import dev.baton.spi.store.Store;
import dev.baton.template.Problem;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo Server's CronWorkflow endpoints: CRUD (a cron workflow whose schedules, time zone, policies or workflow spec
 * are wrong is refused with every problem), suspend and resume, and the scheduling status. Starting runs on
 * schedule is the job of the {@code CronService} that {@code BatonServer} starts.
 */
public final class CronRoutes {
    private final Store store;
    private final RequestBodies bodies;
    private final Clock clock;
    private final ZoneId defaultZone;

    /**
     * @param clock       gives a new cron workflow its creation time, from which its first run is counted
     * @param defaultZone the zone of schedules that name none, as the scheduler uses it
     */
    public CronRoutes(Store store, RequestBodies bodies, Clock clock, ZoneId defaultZone) {
        this.store = store;
        this.bodies = bodies;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    public void register(Api api) {
        String base = "/api/v1/cron-workflows/{ns}";
        api.post(base, Action.WRITE, this::create);
        api.get(base, Action.READ, this::list);
        api.get(base + "/{name}", Action.READ, ctx -> ctx.json(object(find(ctx))));
        api.put(base + "/{name}", Action.WRITE, this::update);
        api.delete(base + "/{name}", Action.WRITE, this::delete);
        api.put(base + "/{name}/suspend", Action.WRITE, ctx -> suspend(ctx, true));
        api.put(base + "/{name}/resume", Action.WRITE, ctx -> suspend(ctx, false));
    }

    private void create(Context ctx) throws IOException {
        String ns = ctx.pathParam("ns");
        ManifestBodies.Checked checked = ManifestBodies.read(ctx, bodies, store, ns, "cronWorkflow", "CronWorkflow",
                null, null, this::schedulingProblems);
        if (store.crons().get(ns, checked.name()).isPresent()) {
            throw ApiError.conflict("CronWorkflow '" + checked.name() + "' already exists in namespace " + ns
                    + "; update it with PUT");
        }
        ctx.json(object(store.crons().put(new CronRecord(ns, checked.name(), checked.yaml(),
                suspended(checked), null, clock.instant()))));
    }

    private void update(Context ctx) throws IOException {
        CronRecord existing = find(ctx);
        ManifestBodies.Checked checked = ManifestBodies.read(ctx, bodies, store, existing.namespace(),
                "cronWorkflow", "CronWorkflow", null, null, this::schedulingProblems);
        if (!checked.name().equals(existing.name())) {
            throw ApiError.badRequest("metadata.name '" + checked.name() + "' does not match the path's '"
                    + existing.name() + "'");
        }
        ctx.json(object(store.crons().put(new CronRecord(existing.namespace(), existing.name(), checked.yaml(),
                suspended(checked), existing.lastScheduledTime(), existing.createdAt()))));
    }

    private void suspend(Context ctx, boolean suspended) throws IOException {
        CronRecord c = find(ctx);
        ctx.json(object(store.crons().put(new CronRecord(c.namespace(), c.name(), c.yaml(), suspended,
                c.lastScheduledTime(), c.createdAt()))));
    }

    private void list(Context ctx) throws IOException {
        List<Object> items = new ArrayList<>();
        for (CronRecord c : store.crons().list(ctx.pathParam("ns"))) {
            items.add(object(c));
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("metadata", Map.of());
        list.put("items", items);
        ctx.json(list);
    }

    private void delete(Context ctx) {
        CronRecord c = find(ctx);
        store.crons().delete(c.namespace(), c.name());
        ctx.json(Map.of());
    }

    private CronRecord find(Context ctx) {
        String ns = ctx.pathParam("ns");
        String name = ctx.pathParam("name");
        return store.crons().get(ns, name).orElseThrow(() -> ApiError.notFound("no CronWorkflow named '" + name
                + "' in namespace " + ns));
    }

    /** What keeps the scheduler from scheduling this cron workflow, each problem with its field. */
    private List<Problem> schedulingProblems(Manifest manifest) {
        try {
            CronRules.of((CronWorkflow) manifest, defaultZone);
            return List.of();
        } catch (CronSpecException e) {
            List<Problem> problems = new ArrayList<>();
            for (String problem : e.problems()) {
                int colon = problem.indexOf(": ");
                problems.add(colon > 0
                        ? new Problem(WorkflowSubmission.BODY, problem.substring(0, colon), 0, 0,
                                problem.substring(colon + 2))
                        : Problem.inFile(WorkflowSubmission.BODY, problem));
            }
            return problems;
        }
    }

    private static boolean suspended(ManifestBodies.Checked checked) {
        CronWorkflow cron = (CronWorkflow) checked.manifest();
        return cron.spec() != null && Boolean.TRUE.equals(cron.spec().suspend());
    }

    /**
     * The stored document with {@code spec.suspend} as stored and the scheduler's status as Argo shows it:
     * {@code lastScheduledTime}, {@code active} runs, {@code succeeded} and {@code failed} counts, {@code phase}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(CronRecord c) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", c.name());
        meta.put("namespace", c.namespace());
        meta.put("creationTimestamp", c.createdAt().toString());
        Map<String, Object> tree = ManifestBodies.object(c.yaml(), meta);
        Map<String, Object> spec = tree.get("spec") instanceof Map<?, ?> s
                ? new LinkedHashMap<>((Map<String, Object>) s) : new LinkedHashMap<>();
        spec.put("suspend", c.suspended());
        tree.put("spec", spec);
        Map<String, Object> status = new LinkedHashMap<>();
        if (c.lastScheduledTime() != null) {
            status.put("lastScheduledTime", c.lastScheduledTime().toString());
        }
        List<Map<String, Object>> active = new ArrayList<>();
        for (String run : c.status().active()) {
            active.add(Map.of("kind", "Workflow", "namespace", c.namespace(), "name", run));
        }
        status.put("active", active);
        status.put("succeeded", c.status().succeeded());
        status.put("failed", c.status().failed());
        status.put("phase", c.status().stopped() ? "Stopped" : "Active");
        tree.put("status", status);
        return tree;
    }
}
