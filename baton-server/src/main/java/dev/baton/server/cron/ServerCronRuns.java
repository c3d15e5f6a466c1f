package dev.baton.server.cron;

import dev.baton.cron.core.RunInfo;
import dev.baton.cron.service.CronRuns;
import dev.baton.cron.service.ScheduledWorkflows;
import dev.baton.engine.core.RunState;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import dev.baton.server.http.Json;
import dev.baton.server.http.WorkflowRoutes;
import dev.baton.server.runs.RunExecutor;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.template.yaml.RecordTrees;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cron service's runs, on the server: a scheduled workflow is submitted as {@code POST /api/v1/workflows/{ns}}
 * would (validated, stored Pending, queued on this server's executor), stopped as {@code PUT …/stop} and deleted as
 * {@code DELETE} does.
 */
public final class ServerCronRuns implements CronRuns {
    private static final String STOPPED = "Stopped by its cron workflow (concurrencyPolicy Replace)";
    private final Store store;
    private final RunExecutor executor;
    private final WorkflowRoutes workflows;
    private final Runnable collectGarbage;

    public ServerCronRuns(Store store, RunExecutor executor, WorkflowRoutes workflows, Runnable collectGarbage) {
        this.store = store;
        this.executor = executor;
        this.workflows = workflows;
        this.collectGarbage = collectGarbage;
    }

    @Override
    public void submit(String namespace, Workflow workflow) {
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(RecordTrees.toTree(workflow));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scheduled workflow as JSON", e);
        }
        RunState state = workflows.submit(namespace, text, Map.of());
        workflows.store(state);
    }

    @Override
    public List<RunInfo> runsOf(String namespace, String cronName) {
        RunQuery query = RunQuery.all().inNamespace(namespace)
                .withLabels(Map.of(ScheduledWorkflows.CRON_WORKFLOW_LABEL, cronName)).limit(RunQuery.MAX_LIMIT);
        List<RunInfo> runs = new ArrayList<>();
        Page<RunSummary> page = store.runs().list(query);
        while (true) {
            for (RunSummary run : page.items()) {
                runs.add(new RunInfo(run.name(), WorkflowPhase.valueOf(run.phase()), run.finishedAt()));
            }
            if (page.nextCursor() == null) {
                return runs;
            }
            page = store.runs().list(query.after(page.nextCursor()));
        }
    }

    @Override
    public void stop(String namespace, String runName) {
        store.runs().find(namespace, runName).filter(run -> !run.finished())
                .ifPresent(run -> executor.control(run.uid(), loop -> loop.stop(STOPPED)));
    }

    @Override
    public void delete(String namespace, String runName) {
        RunRecord run = store.runs().find(namespace, runName).orElse(null);
        if (run != null && run.finished() && store.runs().delete(run.uid())) {
            collectGarbage.run();
        }
    }
}
