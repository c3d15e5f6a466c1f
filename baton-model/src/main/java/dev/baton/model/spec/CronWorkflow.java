package dev.baton.model.spec;

import java.util.Map;

/** A workflow spec run on a schedule. */
public record CronWorkflow(String apiVersion, String kind, ObjectMeta metadata, CronWorkflowSpec spec,
                           Map<String, Object> status) implements Manifest {
}
