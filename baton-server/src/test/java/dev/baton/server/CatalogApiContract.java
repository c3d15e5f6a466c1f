package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.baton.server.TestServer.phase;
import static org.assertj.core.api.Assertions.assertThat;

/** Workflow templates (with revisions), cluster workflow templates and cron workflows, once per store. */
abstract class CatalogApiContract extends ApiSuite {
    private static String template(String name, String word) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata: {name: %s}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    script: {image: alpine, command: [sh], source: "echo %s"}
                """.formatted(name, word);
    }

    @Test
    void aTemplateKeepsEveryRevisionAndRunsThroughWorkflowTemplateRef() throws Exception {
        String base = "/api/v1/workflow-templates/team";
        TestServer.Response created = server.postYaml(base, template("greeter", "first"));
        server.postYaml(base, template("greeter", "again")).problem(409);
        TestServer.Response updated = server.send("PUT", base + "/greeter", template("greeter", "second"),
                "application/yaml");

        assertThat(created.json().path("metadata").path("resourceVersion").asText()).isEqualTo("1");
        assertThat(updated.json().path("metadata").path("resourceVersion").asText()).isEqualTo("2");
        assertThat(server.get(base + "/greeter?revision=1").json().path("spec").path("templates").get(0)
                .path("script").path("source").asText()).isEqualTo("echo first");
        assertThat(server.get(base).json().path("items")).hasSize(1);
        server.send("PUT", base + "/greeter", template("other", "x"), "application/yaml").problem(400);

        String run = server.postYaml("/api/v1/workflows/team", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: from-template-}
                spec:
                  workflowTemplateRef: {name: greeter}
                """).json().path("metadata").path("name").asText();
        assertThat(phase(server.awaitFinished("team", run))).isEqualTo("Succeeded");
        StringBuilder log = new StringBuilder();
        server.lines("/api/v1/workflows/team/" + run + "/log",
                line -> log.append(TestServer.JSON.readTree(line).path("result").path("content").asText()));
        assertThat(log.toString()).isEqualTo("second");

        assertThat(server.delete(base + "/greeter").status()).isEqualTo(200);
        server.get(base + "/greeter").problem(404);
        server.postYaml("/api/v1/workflows/team", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: from-template-}
                spec:
                  workflowTemplateRef: {name: greeter}
                """).problem(400);
    }

    @Test
    void anInvalidTemplateIsRefusedWithItsProblems() {
        JsonNode problem = server.postYaml("/api/v1/workflow-templates/team", """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata: {name: broken}
                spec:
                  entrypoint: nowhere
                  templates:
                  - name: main
                    suspend: {}
                """).problem(400);

        assertThat(problem.path("problems").get(0).path("path").asText()).isEqualTo("spec.entrypoint");
        assertThat(problem.path("problems").get(0).path("line").asInt()).isEqualTo(5);
        server.postJson("/api/v1/workflow-templates/team", Map.of("workflow", Map.of())).problem(400);
    }

    @Test
    void aClusterTemplateServesTemplateRefInEveryNamespace() throws Exception {
        TestServer.Response created = server.postYaml("/api/v1/cluster-workflow-templates", """
                apiVersion: argoproj.io/v1alpha1
                kind: ClusterWorkflowTemplate
                metadata: {name: shared}
                spec:
                  templates:
                  - name: wait
                    suspend: {duration: "0"}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        server.postYaml("/api/v1/workflows/anywhere", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: uses-shared}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: w
                        templateRef: {name: shared, template: wait, clusterScope: true}
                """);

        assertThat(phase(server.awaitFinished("anywhere", "uses-shared"))).isEqualTo("Succeeded");
        assertThat(server.get("/api/v1/cluster-workflow-templates").json().path("items")).hasSize(1);
        assertThat(server.delete("/api/v1/cluster-workflow-templates/shared").status()).isEqualTo(200);
    }

    @Test
    void cronWorkflowsAreStoredSuspendedResumedReplacedAndDeleted() throws Exception {
        Object cron = WorkflowApiContract.yamlTree("""
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                      suspend: {duration: "0"}
                """);
        String base = "/api/v1/cron-workflows/team";

        TestServer.Response created = server.postJson(base, Map.of("cronWorkflow", cron));
        server.postJson(base, Map.of("cronWorkflow", cron)).problem(409);
        JsonNode suspended = server.put(base + "/nightly/suspend").json();
        JsonNode resumed = server.put(base + "/nightly/resume").json();

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("spec").path("suspend").asBoolean()).isFalse();
        assertThat(suspended.path("spec").path("suspend").asBoolean()).isTrue();
        assertThat(resumed.path("spec").path("suspend").asBoolean()).isFalse();
        assertThat(server.get(base + "/nightly").json().path("spec").path("schedule").asText())
                .isEqualTo("0 3 * * *");
        TestServer.Response replaced = server.send("PUT", base + "/nightly", """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: nightly}
                spec:
                  schedule: "30 4 * * *"
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                      suspend: {duration: "0"}
                """, "application/yaml");
        assertThat(replaced.json().path("spec").path("schedule").asText()).isEqualTo("30 4 * * *");
        assertThat(server.get(base).json().path("items")).hasSize(1);
        assertThat(server.delete(base + "/nightly").status()).isEqualTo(200);
        server.get(base + "/nightly").problem(404);
        server.put(base + "/nightly/suspend").problem(404);
        server.postYaml(base, """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: broken}
                spec:
                  schedule: "0 3 * * *"
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                      steps: [[{name: a, template: absent}]]
                """).problem(400);
    }
}
