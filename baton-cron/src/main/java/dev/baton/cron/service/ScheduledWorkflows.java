package dev.baton.cron.service;

import dev.baton.cron.core.CronDecider;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.model.spec.Workflow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a cron workflow and a scheduled time into the Workflow to run, named and labelled as Argo does. */
public final class ScheduledWorkflows {

    /** The label every run of a cron workflow carries, holding the cron workflow's name. */
    public static final String CRON_WORKFLOW_LABEL = "workflows.argoproj.io/cron-workflow";
    /** The annotation holding the scheduled time in RFC 3339; {@code {{workflow.scheduledTime}}} reads it. */
    public static final String SCHEDULED_TIME_ANNOTATION = "workflows.argoproj.io/scheduled-time";

    private ScheduledWorkflows() {
    }

    /** {@code workflowSpec} with {@code workflowMetadata}'s labels and annotations plus the cron ones. */
    public static Workflow of(CronWorkflow cron, Instant scheduledTime) {
        String cronName = cron.metadata().name();
        ObjectMeta template = cron.spec().workflowMetadata();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        if (template != null && template.labels() != null) {
            labels.putAll(template.labels());
        }
        if (template != null && template.annotations() != null) {
            annotations.putAll(template.annotations());
        }
        labels.put(CRON_WORKFLOW_LABEL, cronName);
        annotations.put(SCHEDULED_TIME_ANNOTATION, scheduledTime.toString());
        ObjectMeta meta = new ObjectMeta(CronDecider.runName(cronName, scheduledTime), null,
                cron.metadata().namespace(), labels, annotations, null, null, null, null, null, null, null);
        return new Workflow("argoproj.io/v1alpha1", "Workflow", meta, cron.spec().workflowSpec(), null);
    }
}
