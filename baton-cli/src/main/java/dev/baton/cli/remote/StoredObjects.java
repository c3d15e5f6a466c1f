package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Create, list, get and delete of the objects a server keeps by name (WorkflowTemplates, CronWorkflows), over
 * Argo Server's paths: {@code POST /api/v1/KIND/NS} with {@code {"BODYKEY": document}}, {@code GET}, {@code DELETE}.
 *
 * @param path    the collection's path segment, e.g. {@code workflow-templates}
 * @param bodyKey the key the document is sent under, e.g. {@code template}
 * @param kind    the document's kind, e.g. {@code WorkflowTemplate}
 */
record StoredObjects(String path, String bodyKey, String kind) {
    static final StoredObjects TEMPLATES = new StoredObjects("workflow-templates", "template", "WorkflowTemplate");
    static final StoredObjects CRON = new StoredObjects("cron-workflows", "cronWorkflow", "CronWorkflow");

    int create(RemoteOptions remote, String namespace, Path file, String output) throws Exception {
        return RemoteCall.run(() -> {
            RemoteCall.checkFormat(output);
            WorkflowFile.Document document = WorkflowFile.read(file, kind);
            Object body = document.onlyText() != null ? new ServerClient.Yaml(document.onlyText())
                    : ServerClient.JSON.createObjectNode().set(bodyKey, document.tree());
            JsonNode created = remote.client().post(RemoteCall.collection(path, namespace), body);
            if (output != null) {
                RemoteCall.print(output, created);
            } else {
                System.out.println(kind + " " + created.path("metadata").path("name").asText() + " created");
            }
            return 0;
        });
    }

    int list(RemoteOptions remote, String namespace, String output) throws Exception {
        return RemoteCall.run(() -> {
            RemoteCall.checkFormat(output);
            JsonNode list = remote.client().get(RemoteCall.collection(path, namespace));
            if (output != null) {
                RemoteCall.print(output, list);
            } else {
                table(list.path("items"), Instant.now(), System.out);
            }
            return 0;
        });
    }

    int get(RemoteOptions remote, String namespace, String name, String output) throws Exception {
        return RemoteCall.run(() -> {
            RemoteCall.checkFormat(output);
            JsonNode object = remote.client().get(RemoteCall.item(path, namespace, name));
            RemoteCall.print(output == null ? "yaml" : output, object);
            return 0;
        });
    }

    int delete(RemoteOptions remote, String namespace, String name) throws Exception {
        return RemoteCall.run(() -> {
            remote.client().delete(RemoteCall.item(path, namespace, name));
            System.out.println(kind + " " + name + " deleted");
            return 0;
        });
    }

    /** Sends {@code PUT …/NAME/OPERATION} (a CronWorkflow's suspend and resume). */
    int act(RemoteOptions remote, String namespace, String name, String operation) throws Exception {
        return RemoteCall.run(() -> {
            ObjectNode body = ServerClient.JSON.createObjectNode().put("name", name).put("namespace", namespace);
            remote.client().put(RemoteCall.item(path, namespace, name) + "/" + operation, body);
            System.out.println(kind + " " + name + ": " + operation + "d");
            return 0;
        });
    }

    private void table(JsonNode items, Instant now, PrintStream out) {
        boolean cron = this.equals(CRON);
        String row = cron ? "%-40s %-6s %-20s %-10s %s%n" : "%-40s %s%n";
        out.printf(row, cron ? new Object[]{"NAME", "AGE", "SCHEDULE", "SUSPENDED", "LAST RUN"}
                : new Object[]{"NAME", "AGE"});
        for (JsonNode item : items) {
            String name = item.path("metadata").path("name").asText();
            String age = Times.age(item.path("metadata").path("creationTimestamp"), now);
            if (cron) {
                JsonNode spec = item.path("spec");
                String schedule = spec.hasNonNull("schedule") ? spec.path("schedule").asText()
                        : String.join(",", spec.path("schedules").findValuesAsText(""));
                out.printf(row, name, age, schedule, spec.path("suspend").asBoolean(false),
                        Times.age(item.path("status").path("lastScheduledTime"), now));
            } else {
                out.printf(row, name, age);
            }
        }
        out.flush();
    }
}
