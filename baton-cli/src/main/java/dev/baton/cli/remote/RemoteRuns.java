package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code baton list}, {@code get}, {@code logs} and {@code resume} when a server is configured. */
public final class RemoteRuns {
    private final RemoteOptions remote;
    private final String namespace;

    public RemoteRuns(RemoteOptions remote, String namespace) {
        this.remote = remote;
        this.namespace = namespace == null ? "default" : namespace;
    }

    /** The namespace's runs, newest first, as a table or the server's WorkflowList. */
    public int list(List<String> phases, int limit, String output) throws Exception {
        return RemoteCall.run(() -> {
            RemoteCall.checkFormat(output);
            StringBuilder query = new StringBuilder("?listOptions.limit=").append(Math.max(1, limit));
            for (String phase : phases) {
                query.append("&phase=").append(ServerClient.encode(phase));
            }
            JsonNode list = remote.client().get(RemoteCall.collection("workflows", namespace) + query);
            if (output != null) {
                RemoteCall.print(output, list);
            } else {
                WorkflowTable.print(list.path("items"), Instant.now(), System.out);
            }
            return 0;
        });
    }

    /** One run as a tree of nodes, or the server's Workflow. */
    public int get(String name, String output) throws Exception {
        return RemoteCall.run(() -> {
            RemoteCall.checkFormat(output);
            JsonNode workflow = remote.client().get(RemoteCall.item("workflows", namespace, name));
            if (output != null) {
                RemoteCall.print(output, workflow);
            } else {
                WorkflowTree.print(workflow, Instant.now(), System.out);
            }
            return 0;
        });
    }

    /**
     * What the run's steps wrote (standard output and error as the server sends them), each line prefixed by its
     * node unless one node is asked for; {@code follow} goes on until the run ends.
     */
    public int logs(String name, String node, boolean follow) throws Exception {
        return RemoteCall.run(() -> {
            ServerClient client = remote.client();
            if (follow) {
                followSteps(client, name, node);
            } else {
                print(client, name, node, node, false);
            }
            return 0;
        });
    }

    /**
     * Follows each step in the order they start, until the run ends: the server's follow covers the steps that
     * exist when it is asked, so steps that start later are asked for one by one.
     */
    private void followSteps(ServerClient client, String name, String node) throws InterruptedException {
        Set<String> followed = new HashSet<>();
        long wait = 200;
        while (true) {
            JsonNode workflow = client.get(RemoteCall.item("workflows", namespace, name));
            boolean finished = RunFollower.finished(workflow);
            List<JsonNode> started = new ArrayList<>();
            for (JsonNode n : workflow.path("status").path("nodes")) {
                boolean wanted = node == null || node.equals(n.path("name").asText())
                        || node.equals(n.path("displayName").asText()) || node.equals(n.path("id").asText());
                if (wanted && n.path("type").asText().equals("Pod") && n.hasNonNull("startedAt")
                        && !followed.contains(n.path("id").asText())) {
                    started.add(n);
                }
            }
            started.sort(Comparator.comparing(n -> n.path("startedAt").asText()));
            for (JsonNode step : started) {
                followed.add(step.path("id").asText());
                print(client, name, step.path("name").asText(), node, true);
            }
            if (finished && started.isEmpty()) {
                if (node != null && followed.isEmpty()) {
                    throw new RemoteFailure("server " + client.target() + ": workflow '" + name + "' has no step '"
                            + node + "'", 1);
                }
                return;
            }
            if (started.isEmpty()) {
                Thread.sleep(wait);
                wait = Math.min(2000, wait * 2);
            } else {
                wait = 200;
            }
        }
    }

    /** Prints the lines of one step ({@code step}) or of all ({@code null}); bare when the user named a node. */
    private void print(ServerClient client, String name, String step, String asked, boolean follow) {
        StringBuilder path = new StringBuilder(RemoteCall.item("workflows", namespace, name))
                .append("/log?logOptions.container=main");
        if (step != null) {
            path.append("&podName=").append(ServerClient.encode(step));
        }
        if (follow) {
            path.append("&logOptions.follow=true");
        }
        client.stream(path.toString(), line -> {
            if (!line.isBlank()) {
                JsonNode result = parse(line).path("result");
                String content = result.path("content").asText("");
                System.out.println(asked == null ? result.path("podName").asText() + ": " + content : content);
                System.out.flush();
            }
            return true;
        });
    }

    /** Argo's resume: continues a suspended run on the server. */
    public int resume(List<String> names) throws Exception {
        if (names.size() != 1) {
            System.err.println("baton: resume on a server takes one RUN (the suspended run to continue)");
            return 2;
        }
        return new ControlCommands.Resume(remote, namespace, names.getFirst()).call();
    }

    private JsonNode parse(String line) {
        try {
            return ServerClient.JSON.readTree(line);
        } catch (IOException e) {
            throw new RemoteFailure("server sent a log line that is not JSON: " + line, 1);
        }
    }
}
