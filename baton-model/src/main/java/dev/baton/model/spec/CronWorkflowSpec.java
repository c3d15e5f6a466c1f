package dev.baton.model.spec;

import java.util.List;

/** Schedules, concurrency and history rules of a {@link CronWorkflow}. */
public record CronWorkflowSpec(
        WorkflowSpec workflowSpec,
        String schedule,
        List<String> schedules,
        String timezone,
        String concurrencyPolicy,
        Boolean suspend,
        Long startingDeadlineSeconds,
        Integer successfulJobsHistoryLimit,
        Integer failedJobsHistoryLimit,
        ObjectMeta workflowMetadata,
        StopStrategy stopStrategy,
        String when) {

    /** Ends the cron workflow once the expression holds. */
    public record StopStrategy(String expression, String condition) {
    }
}
