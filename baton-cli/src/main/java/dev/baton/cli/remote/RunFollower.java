package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Follows one run on a server until it ends, printing one line each time a node changes phase. Uses the
 * server's event stream, and polls with back-off when the stream is not available or ends early.
 */
final class RunFollower {
    private static final Set<String> FINAL = Set.of("Succeeded", "Failed", "Error");
    private static final Set<String> GROUPS = Set.of("StepGroup", "TaskGroup");
    private final ServerClient client;
    private final String namespace;
    private final String name;
    private final PrintStream out;
    private final Map<String, String> lastPhase = new HashMap<>();
    private JsonNode last;

    RunFollower(ServerClient client, String namespace, String name, PrintStream out) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.out = out;
    }

    /** Whether a Workflow object is in a final phase. */
    static boolean finished(JsonNode workflow) {
        return FINAL.contains(workflow.path("status").path("phase").asText());
    }

    /** Blocks until the run ends and returns its final Workflow object. */
    JsonNode follow() throws InterruptedException {
        if (show(fetch())) {
            return last;
        }
        try {
            boolean[] checked = {false};
            client.stream("/api/v1/workflow-events/" + ServerClient.encode(namespace)
                    + "?listOptions.fieldSelector=" + ServerClient.encode("metadata.name=" + name), line -> {
                if (!checked[0]) {
                    // the stream starts with the changes after it opened: read the state once it is open
                    checked[0] = true;
                    if (show(fetch())) {
                        return false;
                    }
                }
                return !line.startsWith("data:") || !show(event(line.substring(5).trim()));
            });
        } catch (RemoteFailure e) {
            System.err.println("baton: " + e.getMessage() + "; polling instead");
        }
        return finished(last) ? last : poll();
    }

    private JsonNode poll() throws InterruptedException {
        long wait = 200;
        while (!show(fetch())) {
            Thread.sleep(wait);
            wait = Math.min(2000, wait * 2);
        }
        return last;
    }

    private JsonNode fetch() {
        return client.get(RemoteCall.item("workflows", namespace, name));
    }

    private JsonNode event(String data) {
        try {
            return ServerClient.JSON.readTree(data).path("result").path("object");
        } catch (IOException e) {
            throw new RemoteFailure("server " + client.target() + " sent an event that is not JSON", 1);
        }
    }

    /** Prints the nodes whose phase changed; returns whether the run has ended. */
    private boolean show(JsonNode workflow) {
        if (!workflow.path("status").isObject()) {
            return false;
        }
        last = workflow;
        Instant now = Instant.now();
        for (Iterator<JsonNode> it = workflow.path("status").path("nodes").elements(); it.hasNext(); ) {
            JsonNode node = it.next();
            String phase = node.path("phase").asText();
            if (GROUPS.contains(node.path("type").asText()) || phase.equals("Pending")) {
                continue;
            }
            String previous = lastPhase.put(node.path("id").asText(), phase);
            if (!phase.equals(previous)) {
                out.println(line(node, now));
            }
        }
        out.flush();
        return finished(workflow);
    }

    private static String line(JsonNode node, Instant now) {
        StringBuilder line = new StringBuilder(node.path("name").asText()).append(' ')
                .append(node.path("phase").asText());
        if (node.hasNonNull("finishedAt")) {
            line.append(" (").append(Times.duration(node.path("startedAt"), node.path("finishedAt"), now))
                    .append(')');
        }
        if (node.hasNonNull("message") && !node.path("phase").asText().equals("Running")) {
            line.append(": ").append(node.path("message").asText());
        }
        return line.toString();
    }

    /** {@code NAME PHASE[: message]}, as {@code baton run} ends. */
    static String summary(JsonNode workflow) {
        JsonNode status = workflow.path("status");
        return workflow.path("metadata").path("name").asText() + " " + status.path("phase").asText()
                + (status.hasNonNull("message") ? ": " + status.path("message").asText() : "");
    }

    /** 0 when the run Succeeded, 1 otherwise (as {@code baton run}). */
    static int exitStatus(JsonNode workflow) {
        return workflow.path("status").path("phase").asText().equals("Succeeded") ? 0 : 1;
    }
}
