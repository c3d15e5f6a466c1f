package dev.baton.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The final Workflow object a run printed, with lookups by node display name. */
record RunResult(JsonNode workflow) {

    String phase() {
        return workflow.path("status").path("phase").asText();
    }

    String name() {
        return workflow.path("metadata").path("name").asText();
    }

    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        workflow.path("status").path("nodes").forEach(n -> nodes.add(new Node(n)));
        return nodes;
    }

    List<Node> nodes(Predicate<Node> filter) {
        return nodes().stream().filter(filter).toList();
    }

    List<Node> pods() {
        return nodes(n -> n.type().equals("Pod"));
    }

    Node root() {
        return nodes(n -> n.id().equals(name())).getFirst();
    }

    /** The one node with this display name. */
    Node node(String displayName) {
        List<Node> found = nodes(n -> n.displayName().equals(displayName));
        assertThat(found).as("nodes named '%s' in %s", displayName, displayNames()).hasSize(1);
        return found.getFirst();
    }

    boolean has(String displayName) {
        return !nodes(n -> n.displayName().equals(displayName)).isEmpty();
    }

    List<String> displayNames() {
        return nodes().stream().map(Node::displayName).toList();
    }

    /** The digest of a workflow-level output artifact ({@code status.outputs.artifacts}). */
    String outputArtifactDigest(String name) {
        return digest(workflow.path("status").path("outputs").path("artifacts"), name);
    }

    static String digest(JsonNode artifacts, String name) {
        for (JsonNode a : artifacts) {
            if (a.path("name").asText().equals(name)) {
                return a.path("digest").asText();
            }
        }
        return null;
    }

    String outputParameter(String name) {
        for (JsonNode p : workflow.path("status").path("outputs").path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("value").asText();
            }
        }
        return null;
    }

    /** One entry of {@code status.nodes}. */
    record Node(JsonNode json) {
        String id() {
            return json.path("id").asText();
        }

        String name() {
            return json.path("name").asText();
        }

        String displayName() {
            return json.path("displayName").asText();
        }

        String type() {
            return json.path("type").asText();
        }

        String phase() {
            return json.path("phase").asText();
        }

        String message() {
            return json.path("message").asText(null);
        }

        /** The node's standard output: its {@code outputs.result}. */
        String stdout() {
            return json.path("outputs").path("result").asText(null);
        }

        String exitCode() {
            return json.path("outputs").path("exitCode").asText(null);
        }

        String outputParameter(String name) {
            return parameter(json.path("outputs").path("parameters"), name);
        }

        String outputArtifactDigest(String name) {
            return digest(json.path("outputs").path("artifacts"), name);
        }

        String templateName() {
            return json.path("templateName").asText();
        }

        JsonNode memoizationStatus() {
            return json.path("memoizationStatus");
        }

        String inputParameter(String name) {
            return parameter(json.path("inputs").path("parameters"), name);
        }

        Instant startedAt() {
            return Instant.parse(json.path("startedAt").asText());
        }

        Instant finishedAt() {
            return Instant.parse(json.path("finishedAt").asText());
        }

        private static String parameter(JsonNode list, String name) {
            for (JsonNode p : list) {
                if (p.path("name").asText().equals(name)) {
                    return p.path("value").asText();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return displayName() + "[" + type() + " " + phase() + "]";
        }
    }
}
