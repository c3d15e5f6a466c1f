package dev.baton.model.spec;

import java.util.Map;

/** An Argo {@code Workflow}: one run of a spec. A {@code status} in the input is kept but not read. */
public record Workflow(String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec,
                       Map<String, Object> status) implements Manifest {
}
