package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.baton.server.TestServer.phase;
import static org.assertj.core.api.Assertions.assertThat;

/** The workflow endpoints against a real server, run once per store (SQLite, PostgreSQL). */
abstract class WorkflowApiContract extends ApiSuite {

    @Test
    void aYamlWorkflowRunsToSucceededWithArgoNodes() throws Exception {
        TestServer.Response created = server.postYaml("/api/v1/workflows/default", Workflows.helloDag());

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode workflow = created.json();
        String name = workflow.path("metadata").path("name").asText();
        assertThat(name).startsWith("hello-dag-").hasSize("hello-dag-".length() + 5);
        assertThat(workflow.path("kind").asText()).isEqualTo("Workflow");
        assertThat(workflow.path("metadata").path("namespace").asText()).isEqualTo("default");
        JsonNode done = server.awaitFinished("default", name);
        assertThat(phase(done)).isEqualTo("Succeeded");
        List<String> succeeded = new ArrayList<>();
        done.path("status").path("nodes").forEach(n -> {
            if (n.path("phase").asText().equals("Succeeded") && n.path("type").asText().equals("Pod")) {
                succeeded.add(n.path("displayName").asText());
            }
        });
        assertThat(succeeded).containsExactlyInAnyOrder("write", "shout", "count");
    }

    @Test
    void aJsonSubmissionKeepsItsNameAndASecondWithTheSameNameIsAConflict() throws Exception {
        Map<String, Object> body = Map.of("workflow", yamlTree(Workflows.suspend("fixed-name", "0", "a")));

        TestServer.Response first = server.postJson("/api/v1/workflows/team-a", body);
        TestServer.Response second = server.postJson("/api/v1/workflows/team-a", body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("metadata").path("name").asText()).isEqualTo("fixed-name");
        assertThat(first.json().path("metadata").path("namespace").asText()).isEqualTo("team-a");
        assertThat(second.problem(409).path("detail").asText()).contains("fixed-name").contains("team-a");
        assertThat(phase(server.awaitFinished("team-a", "fixed-name"))).isEqualTo("Succeeded");
    }

    @Test
    void anInvalidWorkflowIsRefusedWithEveryProblemAndItsLine() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: broken
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - name: A
                        template: ech
                      - name: B
                        depends: Q
                        template: echo
                  - name: echo
                    containr: {image: alpine}
                """;

        JsonNode problem = server.postYaml("/api/v1/workflows/default", yaml).problem(400);

        assertThat(problem.path("problems")).hasSize(4);
        List<String> located = new ArrayList<>();
        problem.path("problems").forEach(p -> located.add(p.path("line").asInt() + " " + p.path("path").asText()));
        assertThat(located).containsExactlyInAnyOrder(
                "12 spec.templates[0].dag.tasks[0].template",
                "14 spec.templates[0].dag.tasks[1].depends",
                "16 spec.templates[1]",
                "17 spec.templates[1].containr");
        assertThat(server.get("/api/v1/workflows/default/broken").status()).isEqualTo(404);
    }

    @Test
    void aServerDryRunValidatesAndNamesButStoresNothing() throws Exception {
        Map<String, Object> body = Map.of("workflow", yamlTree(Workflows.suspend("dry", "0", "a")),
                "serverDryRun", true);

        TestServer.Response response = server.postJson("/api/v1/workflows/default", body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("metadata").path("name").asText()).isEqualTo("dry");
        assertThat(server.get("/api/v1/workflows/default/dry").status()).isEqualTo(404);
    }

    @Test
    void listingFiltersByPhaseLabelsAndTimeAndPagesWithACursor() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.postYaml("/api/v1/workflows/ns1", Workflows.suspend("quick-" + i, "0", i % 2 == 0 ? "a" : "b"));
        }
        server.postYaml("/api/v1/workflows/ns2", Workflows.suspend("other", "0", "a"));
        for (int i = 0; i < 5; i++) {
            server.awaitFinished("ns1", "quick-" + i);
        }
        Instant afterAll = Instant.now();
        server.postYaml("/api/v1/workflows/ns1", Workflows.suspend("slow", "60s", "a"));
        server.await("ns1", "slow", w -> phase(w).equals("Running"), Duration.ofSeconds(30));

        assertThat(names("/api/v1/workflows/ns1?phase=Succeeded"))
                .containsExactly("quick-4", "quick-3", "quick-2", "quick-1", "quick-0");
        assertThat(names("/api/v1/workflows/ns1?phase=Running")).containsExactly("slow");
        assertThat(names("/api/v1/workflows/ns1?phase=Running&phase=Succeeded")).hasSize(6);
        assertThat(names("/api/v1/workflows/ns1?listOptions.labelSelector=team=a"))
                .containsExactly("slow", "quick-4", "quick-2", "quick-0");
        assertThat(names("/api/v1/workflows/ns1?createdAfter=" + afterAll)).containsExactly("slow");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = server.get("/api/v1/workflows/ns1?listOptions.limit=2"
                    + (cursor == null ? "" : "&listOptions.continue=" + cursor)).json();
            page.path("items").forEach(i -> paged.add(i.path("metadata").path("name").asText()));
            cursor = page.path("metadata").path("continue").asText(null);
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly("slow", "quick-4", "quick-3", "quick-2", "quick-1", "quick-0");
        server.get("/api/v1/workflows/ns1?listOptions.limit=0").problem(400);
        server.get("/api/v1/workflows/ns1?phase=Sleeping").problem(400);
        server.get("/api/v1/workflows/ns1?listOptions.continue=garbage").problem(400);
        server.get("/api/v1/workflows/ns1?createdAfter=yesterday").problem(400);
        server.get("/api/v1/workflows/ns1?listOptions.labelSelector=team!=a").problem(400);
        server.delete("/api/v1/workflows/ns1/slow?force=true");
    }

    @Test
    void deletingARunningWorkflowNeedsForce() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.script("sleeper", "sleep 60"));
        server.await("default", "sleeper", w -> phase(w).equals("Running"), Duration.ofSeconds(30));

        JsonNode refused = server.delete("/api/v1/workflows/default/sleeper").problem(409);
        TestServer.Response forced = server.delete("/api/v1/workflows/default/sleeper?force=true");

        assertThat(refused.path("detail").asText()).contains("force=true");
        assertThat(forced.status()).as(forced.body()).isEqualTo(200);
        server.get("/api/v1/workflows/default/sleeper").problem(404);
        server.delete("/api/v1/workflows/default/sleeper").problem(404);
    }

    @Test
    void aFinishedWorkflowIsDeleted() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.suspend("done", "0", "a"));
        server.awaitFinished("default", "done");

        assertThat(server.delete("/api/v1/workflows/default/done").status()).isEqualTo(200);
        server.get("/api/v1/workflows/default/done").problem(404);
        assertThat(names("/api/v1/workflows/default")).isEmpty();
    }

    @Test
    void malformedRequestsAreAnsweredWithProblems() {
        server.get("/api/v1/nothing-here").problem(404);
        server.send("PATCH", "/api/v1/workflows/default", "{}", "application/json").problem(405);
        server.send("POST", "/api/v1/workflows/default", "x", "text/plain").problem(415);
        server.send("POST", "/api/v1/workflows/default", "{not json", "application/json").problem(400);
        server.postJson("/api/v1/workflows/default", Map.of("wf", Map.of())).problem(400);
        for (int i = 0; i < 5; i++) { // the client must read the answer, not find the connection cut mid-upload
            server.send("POST", "/api/v1/workflows/default", "x".repeat(2 << 20), "application/yaml").problem(413);
        }
        server.get("/api/v1/workflows/default/missing").problem(404);
    }

    @Test
    void healthAndReadiness() {
        assertThat(server.get("/healthz").status()).isEqualTo(200);
        assertThat(server.get("/readyz").json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void aRestartedServerFinishesTheRunsItLeft() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.suspend("survivor", "3s", "a"));
        server.await("default", "survivor", w -> phase(w).equals("Running"), Duration.ofSeconds(30));

        server.restart();

        assertThat(phase(server.awaitFinished("default", "survivor"))).isEqualTo("Succeeded");
    }

    @Test
    void aRunningStepsLogIsStreamedLineByLineAsItIsWritten() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.script("talker",
                "for i in 1 2 3 4; do echo line-$i; sleep 1; done"));
        server.await("default", "talker", w -> phase(w).equals("Running"), Duration.ofSeconds(30));

        List<Long> arrivals = new ArrayList<>();
        List<JsonNode> lines = new ArrayList<>();
        long start = System.nanoTime();
        server.lines("/api/v1/workflows/default/talker/log?podName=talker&logOptions.container=main"
                + "&logOptions.follow=true", line -> {
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                    lines.add(TestServer.JSON.readTree(line));
                });

        assertThat(lines).extracting(l -> l.path("result").path("content").asText())
                .containsExactly("line-1", "line-2", "line-3", "line-4");
        assertThat(lines).allSatisfy(l -> assertThat(l.path("result").path("podName").asText())
                .isEqualTo("talker"));
        assertThat(arrivals.getLast() - arrivals.getFirst()).as("arrival times " + arrivals)
                .isGreaterThan(1500);
        assertThat(phase(server.awaitFinished("default", "talker"))).isEqualTo("Succeeded");
    }

    @Test
    void aFinishedStepsLogAndOutputArtifactAreServedFromTheStore() throws Exception {
        String name = server.postYaml("/api/v1/workflows/default", Workflows.helloDag()).json()
                .path("metadata").path("name").asText();
        JsonNode done = server.awaitFinished("default", name);
        String writeId = null;
        for (JsonNode node : done.path("status").path("nodes")) {
            if (node.path("displayName").asText().equals("write")) {
                writeId = node.path("id").asText();
            }
        }

        List<String> log = new ArrayList<>();
        server.lines("/api/v1/workflows/default/" + name + "/log?podName=write",
                line -> log.add(TestServer.JSON.readTree(line).path("result").path("content").asText()));
        TestServer.Response artifact = server.get("/artifacts/default/" + name + "/" + writeId + "/outputs/note");

        assertThat(log).containsExactly("hello");
        assertThat(artifact.status()).isEqualTo(200);
        assertThat(artifact.body()).isEqualTo("hello from baton\n");
        server.get("/artifacts/default/" + name + "/" + writeId + "/outputs/absent").problem(404);
        server.get("/artifacts/default/" + name + "/no-such-node/outputs/note").problem(404);
        server.get("/api/v1/workflows/default/" + name + "/log?podName=absent").problem(404);
    }

    @Test
    void eventsOfARunArriveInOrderUntilItsEnd() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        var watching = new java.util.concurrent.CountDownLatch(1);
        Thread watcher = Thread.ofVirtual().start(() -> server.lines(
                "/api/v1/workflow-events/default?listOptions.fieldSelector=metadata.name=watched", line -> {
                    if (line.startsWith(":")) {
                        watching.countDown();
                    } else if (line.startsWith("data:")) {
                        events.add(TestServer.JSON.readTree(line.substring(5).trim()));
                    }
                }));
        assertThat(watching.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        server.postYaml("/api/v1/workflows/default", Workflows.script("watched", "echo one; sleep 1; echo two"));
        watcher.join(Duration.ofSeconds(60));

        assertThat(watcher.isAlive()).as("the stream ends after the final change").isFalse();
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("result").path("type").asText()).isEqualTo("MODIFIED");
            assertThat(e.path("result").path("object").path("metadata").path("name").asText()).isEqualTo("watched");
        });
        List<String> phases = events.stream().map(e -> phase(e.path("result").path("object"))).toList();
        assertThat(phases.getLast()).isEqualTo("Succeeded");
        assertThat(phases.subList(0, phases.size() - 1)).allMatch(p -> p.equals("Running") || p.equals("Pending"));
        List<Integer> nodeCounts = events.stream()
                .map(e -> e.path("result").path("object").path("status").path("nodes").size()).toList();
        assertThat(nodeCounts).isSorted();
        server.get("/api/v1/workflow-events/default?listOptions.fieldSelector=status.phase=Running").problem(400);
    }

    List<String> names(String path) {
        TestServer.Response r = server.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }

    static Object yamlTree(String yaml) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readValue(yaml, Object.class);
    }
}
