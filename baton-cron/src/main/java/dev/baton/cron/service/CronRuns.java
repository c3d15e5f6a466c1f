package dev.baton.cron.service;

import dev.baton.cron.core.RunInfo;
import dev.baton.model.spec.Workflow;
import java.util.List;

/** What the cron service needs from whoever runs workflows (the server): start, list, stop and delete runs. */
public interface CronRuns {

    /**
     * Starts the workflow, already named {@code <cron>-<unix-seconds>} and carrying the
     * {@code workflows.argoproj.io/cron-workflow} label and {@code workflows.argoproj.io/scheduled-time} annotation.
     */
    void submit(String namespace, Workflow workflow);

    /** The runs that carry the {@code workflows.argoproj.io/cron-workflow} label with this cron workflow's name. */
    List<RunInfo> runsOf(String namespace, String cronName);

    /** Stops a run (as {@code argo stop}); a run already finished or gone is left as it is. */
    void stop(String namespace, String runName);

    /** Deletes a finished run and its records; a run already gone is ignored. */
    void delete(String namespace, String runName);
}
