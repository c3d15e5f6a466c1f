package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Instant;

/** A list of workflows as a table, as {@code argo list} shows it: NAME, STATUS, AGE, DURATION, MESSAGE. */
final class WorkflowTable {
    private static final String ROW = "%-40s %-10s %-6s %-10s %s%n";

    private WorkflowTable() {
    }

    static void print(JsonNode items, Instant now, PrintStream out) {
        out.printf(ROW, "NAME", "STATUS", "AGE", "DURATION", "MESSAGE");
        for (JsonNode workflow : items) {
            JsonNode status = workflow.path("status");
            out.printf(ROW, workflow.path("metadata").path("name").asText(), status.path("phase").asText(),
                    Times.age(workflow.path("metadata").path("creationTimestamp"), now),
                    Times.duration(status.path("startedAt"), status.path("finishedAt"), now),
                    status.path("message").asText(""));
        }
        out.flush();
    }
}
