package dev.baton.server;

import dev.baton.spi.store.Store;

import java.time.Clock;
import java.util.Map;

/**
 * The seam for scheduling CronWorkflows: the server stores them (the cron endpoints) and starts every
 * {@code CronService} found with {@link java.util.ServiceLoader} on its class path, closing them when it stops.
 * Without one, cron workflows are kept but start no runs.
 */
public interface CronService extends AutoCloseable {

    /** Submits workflows on the server's behalf, as {@code POST /api/v1/workflows/{ns}} does. */
    interface WorkflowSubmitter {
        /**
         * Validates, stores and queues a workflow document (YAML or JSON) in a namespace and returns the run's
         * name; throws {@code dev.baton.server.http.ApiError} (status 400 or 409) when it cannot.
         */
        String submit(String namespace, String workflowDocument, Map<String, String> parameters);
    }

    /** Starts scheduling the cron workflows kept in {@code store}. */
    void start(Store store, WorkflowSubmitter submitter, Clock clock);

    /** Stops scheduling. */
    @Override
    void close();
}
