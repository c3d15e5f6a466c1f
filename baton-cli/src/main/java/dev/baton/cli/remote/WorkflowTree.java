package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One workflow as {@code baton get} shows it: a summary, then its nodes as a tree with phase and duration. */
final class WorkflowTree {
    private static final String ROW = "%-50s %-10s %-10s %s%n";
    private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
    private final Instant now;
    private final List<String[]> rows = new ArrayList<>();
    private final Set<String> shown = new HashSet<>();

    private WorkflowTree(JsonNode workflow, Instant now) {
        this.now = now;
        for (Iterator<Map.Entry<String, JsonNode>> it = workflow.path("status").path("nodes").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            nodes.put(e.getKey(), e.getValue());
        }
    }

    static void print(JsonNode workflow, Instant now, PrintStream out) {
        JsonNode metadata = workflow.path("metadata");
        JsonNode status = workflow.path("status");
        out.println("Name:      " + metadata.path("name").asText());
        out.println("Namespace: " + metadata.path("namespace").asText());
        out.println("Status:    " + status.path("phase").asText());
        if (status.hasNonNull("message")) {
            out.println("Message:   " + status.path("message").asText());
        }
        out.println("Created:   " + metadata.path("creationTimestamp").asText());
        if (status.hasNonNull("startedAt")) {
            out.println("Duration:  " + Times.duration(status.path("startedAt"), status.path("finishedAt"), now));
        }
        WorkflowTree tree = new WorkflowTree(workflow, now);
        String name = metadata.path("name").asText();
        tree.walk(name, "");
        tree.walk(name + ".onExit", "");
        for (JsonNode node : tree.nodes.values()) {
            tree.walk(node.path("id").asText(), "");
        }
        if (tree.rows.isEmpty()) {
            out.flush();
            return;
        }
        out.println();
        out.printf(ROW, "STEP", "PHASE", "DURATION", "MESSAGE");
        for (String[] row : tree.rows) {
            out.printf(ROW, (Object[]) row);
        }
        out.flush();
    }

    /** Adds a node and, indented under it, its children; step and task groups are folded into their parent. */
    private void walk(String id, String indent) {
        JsonNode node = nodes.get(id);
        if (node == null) {
            node = byName(id);
        }
        if (node == null || !shown.add(node.path("id").asText())) {
            return;
        }
        String type = node.path("type").asText();
        boolean group = type.equals("StepGroup") || type.equals("TaskGroup");
        if (!group) {
            String phase = node.path("phase").asText();
            rows.add(new String[]{indent + symbol(phase) + " " + node.path("displayName").asText(), phase,
                    Times.duration(node.path("startedAt"), node.path("finishedAt"), now),
                    node.path("message").asText("")});
        }
        for (JsonNode child : node.path("children")) {
            walk(child.asText(), group ? indent : indent + "  ");
        }
    }

    private JsonNode byName(String name) {
        for (JsonNode node : nodes.values()) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        return null;
    }

    static String symbol(String phase) {
        return switch (phase) {
            case "Succeeded" -> "✔";
            case "Failed", "Error" -> "✖";
            case "Skipped", "Omitted" -> "○";
            case "Running" -> "●";
            default -> "◌";
        };
    }
}
