package dev.baton.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.core.RunContext;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.RunLoop;
import dev.baton.engine.runtime.WorkflowView;
import dev.baton.engine.runtime.durable.RunSnapshot;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.model.spec.Workflow;
import dev.baton.server.StoredRuns;
import dev.baton.server.auth.Action;
import dev.baton.server.runs.RunExecutor;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.template.yaml.RecordTrees;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Argo's control operations on a workflow: stop, terminate, suspend, resume (of the workflow and its suspended
 * nodes), retry of a failed one, and resubmit.
 */
public final class ControlRoutes {
    static final String STOPPED = "Stopped with strategy 'Stop'";
    static final String TERMINATED = "Stopped with strategy 'Terminate'";
    private final Store store;
    private final RunExecutor executor;
    private final WorkflowRoutes workflows;
    private final RequestBodies bodies;

    public ControlRoutes(Store store, RunExecutor executor, WorkflowRoutes workflows, RequestBodies bodies) {
        this.store = store;
        this.executor = executor;
        this.workflows = workflows;
        this.bodies = bodies;
    }

    public void register(Api api) {
        String base = "/api/v1/workflows/{ns}/{name}/";
        api.put(base + "stop", Action.WRITE, ctx -> control(ctx, "stop", loop -> loop.stop(STOPPED)));
        api.put(base + "terminate", Action.WRITE, ctx -> control(ctx, "terminate", loop -> loop.cancel(TERMINATED)));
        api.put(base + "resume", Action.WRITE, ctx -> control(ctx, "resume", RunLoop::resumeSuspended));
        api.put(base + "suspend", Action.WRITE, ctx -> control(ctx, "suspend", RunLoop::suspend));
        api.put(base + "retry", Action.WRITE, this::retry);
        api.put(base + "resubmit", Action.WRITE, this::resubmit);
    }

    private void control(Context ctx, String operation, Consumer<RunLoop> request) throws IOException {
        RunRecord run = workflows.find(ctx);
        if (run.finished()) {
            throw ApiError.conflict("workflow '" + run.name() + "' already finished (" + run.phase()
                    + "); nothing to " + operation);
        }
        if (!executor.control(run.uid(), request)) {
            throw ApiError.conflict("workflow '" + run.name() + "' is being run by another engine; " + operation
                    + " it there");
        }
        ctx.json(StoredRuns.workflow(store, run));
    }

    /**
     * Runs a finished Failed or Error workflow again under its own name: Succeeded nodes are kept with their outputs,
     * failed ones run again. Argo's options to re-run Succeeded nodes are refused.
     */
    private void retry(Context ctx) throws IOException {
        RunRecord run = workflows.find(ctx);
        if (ctx.req().getContentLengthLong() > 0) {
            JsonNode body = WorkflowRoutes.parseJson(bodies.read(ctx).text());
            if (body.path("restartSuccessful").asBoolean(false)) {
                throw ApiError.badRequest("retry with restartSuccessful: true is not supported; Succeeded nodes are "
                        + "always kept (resubmit runs the whole workflow again)");
            }
            if (!body.path("nodeFieldSelector").asText("").isEmpty()) {
                throw ApiError.badRequest("retry with a nodeFieldSelector is not supported; Succeeded nodes are "
                        + "always kept (resubmit runs the whole workflow again)");
            }
        }
        if (!run.finished() || !(run.phase().equals("Failed") || run.phase().equals("Error"))) {
            throw ApiError.conflict("only a finished Failed or Error workflow can be retried; '" + run.name()
                    + "' is " + run.phase());
        }
        RunState reopened = executor.retry(run).orElseThrow(() -> ApiError.conflict("workflow '" + run.name()
                + "' is held by another engine; retry it there"));
        ctx.json(WorkflowView.of(reopened));
    }

    /** A new run from the stored spec, with parameter overrides ({@code "parameters": ["name=value"]}). */
    private void resubmit(Context ctx) throws IOException {
        RunRecord run = workflows.find(ctx);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (ctx.req().getContentLengthLong() > 0) {
            JsonNode body = WorkflowRoutes.parseJson(bodies.read(ctx).text());
            if (body.path("memoized").asBoolean(false)) {
                throw ApiError.notImplemented("resubmit with memoized: true is not supported yet");
            }
            for (JsonNode p : body.path("parameters")) {
                String text = p.asText();
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    throw ApiError.badRequest("parameters take NAME=VALUE, not '" + text + "'");
                }
                parameters.put(text.substring(0, eq), text.substring(eq + 1));
            }
        }
        RunContext previous = RunSnapshot.decode(run.specJson());
        Workflow original = previous.workflow();
        ObjectMeta m = original.metadata() == null ? ObjectMeta.named(null) : original.metadata();
        Map<String, String> labels = new LinkedHashMap<>(m.labels() == null ? Map.of() : m.labels());
        labels.put("workflows.argoproj.io/resubmitted-from-workflow", run.name());
        ObjectMeta fresh = new ObjectMeta(null, m.generateName() != null ? m.generateName() : run.name() + "-",
                run.namespace(), labels, m.annotations(), null, null, null, null, null, null, null);
        Workflow again = new Workflow(original.apiVersion(), original.kind(), fresh, original.spec(), null);
        String text = Json.MAPPER.writeValueAsString(RecordTrees.toTree(again));
        RunState state = workflows.submit(run.namespace(), text, parameters);
        workflows.store(state);
        ctx.json(WorkflowView.of(state));
    }
}
