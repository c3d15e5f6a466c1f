package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

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
     * node unless one node is asked for; {@code follow} goes on while steps run.
     */
    public int logs(String name, String node, boolean follow) throws Exception {
        return RemoteCall.run(() -> {
            StringBuilder path = new StringBuilder(RemoteCall.item("workflows", namespace, name))
                    .append("/log?logOptions.container=main");
            if (node != null) {
                path.append("&podName=").append(ServerClient.encode(node));
            }
            if (follow) {
                path.append("&logOptions.follow=true");
            }
            remote.client().stream(path.toString(), line -> {
                if (!line.isBlank()) {
                    JsonNode result = parse(line).path("result");
                    String content = result.path("content").asText("");
                    System.out.println(node == null ? result.path("podName").asText() + ": " + content : content);
                    System.out.flush();
                }
                return true;
            });
            return 0;
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
