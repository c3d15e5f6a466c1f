package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.baton.server.TestServer.phase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names sent to the server that try to leave its home or reach another namespace: each is a 400 naming the field
 * and nothing is stored or made. Two runs with one name in two namespaces, at once, keep their own outputs and
 * logs.
 */
class NameIsolationIT {
    @TempDir
    Path temp;
    Path home;
    Path victim;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        victim = Files.createDirectories(temp.resolve("victim"));
        server = new TestServer(home, new TestStores.Sqlite(), TestServer.openConfig());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aHostileNameInTheBodyIsA400NamingTheFieldAndNothingIsStored() throws Exception {
        for (String field : List.of("name", "generateName", "namespace")) {
            for (String hostile : List.of("../../../escape", "../../victim", "a/b", "UPPER_case", "..", ".",
                    "x".repeat(300), "a\\0b", "a\\nb")) {
                String yaml = """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Workflow
                        metadata:
                          %s: "%s"
                        spec:
                          entrypoint: main
                          templates:
                          - name: main
                            container: {image: alpine, command: [sh, -c, "echo escaped > ../../../escape-marker"]}
                        """.formatted(field, hostile);

                JsonNode problem = server.postYaml("/api/v1/workflows/default", yaml).problem(400);

                assertThat(problem.path("problems").get(0).path("path").asText()).as(hostile)
                        .isEqualTo("metadata." + field);
                assertThat(problem.path("problems").get(0).path("line").asInt()).isEqualTo(4);
            }
        }
        for (String kind : List.of("workflow-templates/default", "cron-workflows/default")) {
            String template = """
                    apiVersion: argoproj.io/v1alpha1
                    kind: %s
                    metadata: {name: "../../victim"}
                    spec:
                      schedule: "* * * * *"
                      workflowSpec: {entrypoint: main, templates: [{name: main, container: {image: alpine}}]}
                      entrypoint: main
                      templates: [{name: main, container: {image: alpine}}]
                    """.formatted(kind.startsWith("cron") ? "CronWorkflow" : "WorkflowTemplate");
            TestServer.Response response = server.postYaml("/api/v1/" + kind, template);
            assertThat(response.body()).as(kind).contains("metadata.name");
            response.problem(400);
        }

        assertThat(server.get("/api/v1/workflows/default").json().path("items").size()).isZero();
        assertThat(home.resolve("work")).doesNotExist();
        assertThat(victim).isEmptyDirectory();
        assertThat(outsideHome()).containsExactly(victim);
    }

    @Test
    void aHostileNamespaceOrNameInTheUrlIsA400NamingTheParameter() {
        for (String ns : List.of("UPPER", "a_b", "-x", "x-", "a.b", "a".repeat(64))) {
            for (String path : List.of("/api/v1/workflows/" + ns, "/api/v1/workflows/" + ns + "/some-run",
                    "/api/v1/workflows/" + ns + "/some-run/log", "/api/v1/workflow-templates/" + ns,
                    "/api/v1/cron-workflows/" + ns + "/c", "/api/v1/workflow-events/" + ns,
                    "/artifacts/" + ns + "/some-run/some-run-1/outputs/a")) {
                assertThat(server.get(path).problem(400).path("detail").asText()).as(path)
                        .startsWith("path parameter 'ns': invalid namespace");
            }
        }
        for (String name : List.of("UPPER_case", "a_b", "-x", "a..b", "x".repeat(254))) {
            for (String path : List.of("/api/v1/workflows/default/" + name, "/api/v1/workflows/default/" + name
                    + "/log", "/api/v1/cluster-workflow-templates/" + name, "/artifacts/default/" + name
                    + "/n/outputs/a")) {
                assertThat(server.get(path).problem(400).path("detail").asText()).as(path)
                        .startsWith("path parameter 'name': ");
            }
            assertThat(server.delete("/api/v1/workflows/default/" + name).problem(400).path("detail").asText())
                    .startsWith("path parameter 'name': ");
            assertThat(server.put("/api/v1/workflows/default/" + name + "/stop").status()).isEqualTo(400);
        }
        assertThat(victim).isEmptyDirectory();
    }

    @Test
    void twoRunsWithOneNameInTwoNamespacesRunAtOnceWithTheirOwnOutputsAndLogs() throws Exception {
        for (String ns : List.of("team-a", "team-b")) {
            TestServer.Response created = server.postYaml("/api/v1/workflows/" + ns, """
                    apiVersion: argoproj.io/v1alpha1
                    kind: Workflow
                    metadata: {name: same}
                    spec:
                      entrypoint: main
                      templates:
                      - name: main
                        outputs:
                          parameters:
                          - {name: ns, valueFrom: {path: /tmp/ns}}
                        script:
                          image: alpine
                          command: [sh]
                          source: |
                            echo "log of {{workflow.namespace}}"
                            echo -n "{{workflow.namespace}}" > /tmp/ns
                            sleep 4
                    """);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }

        JsonNode a = server.await("team-a", "same", w -> phase(w).equals("Running"), Duration.ofSeconds(30));
        server.await("team-b", "same", w -> phase(w).equals("Running"), Duration.ofSeconds(30));
        assertThat(phase(server.get("/api/v1/workflows/team-a/same").json())).as("both run at once")
                .isEqualTo("Running");
        assertThat(home.resolve("work/team-a").resolve(a.path("metadata").path("uid").asText())).isDirectory();
        for (String ns : List.of("team-a", "team-b")) {
            JsonNode done = server.awaitFinished(ns, "same");
            assertThat(phase(done)).as(ns + ": " + done.path("status").path("message")).isEqualTo("Succeeded");
            List<String> outputs = new ArrayList<>();
            done.path("status").path("nodes").forEach(n -> n.path("outputs").path("parameters")
                    .forEach(p -> outputs.add(p.path("value").asText())));
            assertThat(outputs).containsExactly(ns);
            List<String> log = new ArrayList<>();
            server.lines("/api/v1/workflows/" + ns + "/same/log",
                    line -> log.add(TestServer.JSON.readTree(line).path("result").path("content").asText()));
            assertThat(log).containsExactly("log of " + ns);
        }
    }

    private List<Path> outsideHome() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.filter(p -> !p.equals(temp) && !p.startsWith(home)).toList();
        }
    }
}
