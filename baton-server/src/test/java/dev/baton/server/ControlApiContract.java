package dev.baton.server;

import dev.baton.testkit.StepReachableDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.baton.server.TestServer.phase;
import static org.assertj.core.api.Assertions.assertThat;

/** Argo's control operations through the API, on real runs, once per store. */
abstract class ControlApiContract extends ApiSuite {
    private static final String WITH_EXIT_HANDLER = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: %s}
            spec:
              entrypoint: main
              onExit: bye
              templates:
              - name: main
                script: {image: alpine, command: [sh], source: "sleep 60"}
              - name: bye
                script: {image: alpine, command: [sh], source: "echo bye"}
            """;

    private JsonNode runningFor(String name) throws InterruptedException {
        return server.await("default", name, w -> {
            for (JsonNode n : w.path("status").path("nodes")) {
                if (n.path("type").asText().equals("Pod") && n.path("phase").asText().equals("Running")) {
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(30));
    }

    private static List<String> displayNames(JsonNode workflow) {
        List<String> names = new ArrayList<>();
        workflow.path("status").path("nodes").forEach(n -> names.add(n.path("displayName").asText()));
        return names;
    }

    @Test
    void stopKillsTheStepRunsTheExitHandlerAndEndsFailed() throws Exception {
        server.postYaml("/api/v1/workflows/default", WITH_EXIT_HANDLER.formatted("stopped"));
        runningFor("stopped");

        TestServer.Response response = server.put("/api/v1/workflows/default/stopped/stop");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode done = server.awaitFinished("default", "stopped");
        assertThat(phase(done)).isEqualTo("Failed");
        assertThat(done.path("status").path("message").asText()).isEqualTo("Stopped with strategy 'Stop'");
        assertThat(displayNames(done)).contains("stopped.onExit");
        server.put("/api/v1/workflows/default/stopped/stop").problem(409);
    }

    @Test
    void terminateEndsFailedWithoutTheExitHandler() throws Exception {
        server.postYaml("/api/v1/workflows/default", WITH_EXIT_HANDLER.formatted("terminated"));
        runningFor("terminated");

        assertThat(server.put("/api/v1/workflows/default/terminated/terminate").status()).isEqualTo(200);

        JsonNode done = server.awaitFinished("default", "terminated");
        assertThat(phase(done)).isEqualTo("Failed");
        assertThat(done.path("status").path("message").asText()).isEqualTo("Stopped with strategy 'Terminate'");
        assertThat(displayNames(done)).doesNotContain("terminated.onExit");
    }

    @Test
    void resumeReleasesASuspendedNode() throws Exception {
        server.postYaml("/api/v1/workflows/default", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: approval}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: approve, template: wait}
                    - - {name: after, template: wait-briefly}
                  - name: wait
                    suspend: {}
                  - name: wait-briefly
                    suspend: {duration: "0"}
                """);
        server.await("default", "approval", w -> displayNames(w).contains("approve"), Duration.ofSeconds(30));
        Thread.sleep(500);
        assertThat(phase(server.get("/api/v1/workflows/default/approval").json())).isEqualTo("Running");

        assertThat(server.put("/api/v1/workflows/default/approval/resume").status()).isEqualTo(200);

        assertThat(phase(server.awaitFinished("default", "approval"))).isEqualTo("Succeeded");
    }

    @Test
    void resubmitRunsTheStoredSpecAgainWithNewParameters() throws Exception {
        server.postYaml("/api/v1/workflows/default", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: original}
                spec:
                  entrypoint: main
                  arguments: {parameters: [{name: word, value: first}]}
                  templates:
                  - name: main
                    script: {image: alpine, command: [sh], source: "echo {{workflow.parameters.word}}"}
                """);
        server.awaitFinished("default", "original");

        TestServer.Response again = server.postJsonAs("PUT", "/api/v1/workflows/default/original/resubmit",
                Map.of("parameters", List.of("word=second")));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String name = again.json().path("metadata").path("name").asText();
        assertThat(name).startsWith("original-").isNotEqualTo("original");
        JsonNode done = server.awaitFinished("default", name);
        assertThat(phase(done)).isEqualTo("Succeeded");
        assertThat(done.path("metadata").path("labels").path("workflows.argoproj.io/resubmitted-from-workflow")
                .asText()).isEqualTo("original");
        List<String> log = new ArrayList<>();
        server.lines("/api/v1/workflows/default/" + name + "/log",
                line -> log.add(TestServer.JSON.readTree(line).path("result").path("content").asText()));
        assertThat(log).containsExactly("second");
    }

    @Test
    void aSuspendedWorkflowStartsItsNextStepOnlyAfterResume() throws Exception {
        server.postYaml("/api/v1/workflows/default", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: held}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: pause, template: pause}
                    - - {name: after, template: after}
                  - name: pause
                    suspend: {duration: "1s"}
                  - name: after
                    script: {image: alpine, command: [sh], source: "echo after"}
                """);

        TestServer.Response suspend = server.put("/api/v1/workflows/default/held/suspend");

        assertThat(suspend.status()).as(suspend.body()).isEqualTo(200);
        JsonNode held = server.await("default", "held", w -> w.path("spec").path("suspend").asBoolean(false)
                && nodePhase(w, "pause").equals("Succeeded"), Duration.ofSeconds(30));
        Thread.sleep(1000);
        held = server.get("/api/v1/workflows/default/held").json();
        assertThat(phase(held)).isEqualTo("Running");
        assertThat(nodePhase(held, "after")).as("no step starts while suspended").isIn("", "Pending");

        assertThat(server.put("/api/v1/workflows/default/held/resume").status()).isEqualTo(200);

        JsonNode done = server.awaitFinished("default", "held");
        assertThat(phase(done)).isEqualTo("Succeeded");
        assertThat(nodePhase(done, "after")).isEqualTo("Succeeded");
        assertThat(done.path("spec").has("suspend")).isFalse();
        server.put("/api/v1/workflows/default/held/suspend").problem(409);
    }

    private static String nodePhase(JsonNode workflow, String displayName) {
        for (JsonNode n : workflow.path("status").path("nodes")) {
            if (n.path("displayName").asText().equals(displayName)) {
                return n.path("phase").asText();
            }
        }
        return "";
    }

    @Test
    void retryRunsTheFailedStepAgainKeepsTheSucceededOneAndTheRunsName() throws Exception {
        Path marks = StepReachableDirectory.create("baton-retry-");
        try {
            server.postYaml("/api/v1/workflows/default", """
                    apiVersion: argoproj.io/v1alpha1
                    kind: Workflow
                    metadata: {name: flaky}
                    spec:
                      entrypoint: main
                      templates:
                      - name: main
                        steps:
                        - - {name: first, template: first}
                        - - {name: second, template: second}
                      - name: first
                        script: {image: alpine, command: [sh], source: "echo once >> %1$s/first; echo made"}
                      - name: second
                        script:
                          image: alpine
                          command: [sh]
                          source: "if [ -e %1$s/tried ]; then echo fine; else touch %1$s/tried; exit 4; fi"
                    """.formatted(marks));
            JsonNode failed = server.awaitFinished("default", "flaky");
            assertThat(phase(failed)).isEqualTo("Failed");
            String uid = failed.path("metadata").path("uid").asText();

            TestServer.Response retried = server.put("/api/v1/workflows/default/flaky/retry");

            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(phase(retried.json())).isEqualTo("Running");
            assertThat(phase(server.get("/api/v1/workflows/default/flaky").json())).isNotEqualTo("Failed");
            JsonNode done = server.awaitFinished("default", "flaky");
            assertThat(phase(done)).isEqualTo("Succeeded");
            assertThat(done.path("metadata").path("uid").asText()).isEqualTo(uid);
            assertThat(Files.readAllLines(marks.resolve("first"))).as("the first step ran once").containsExactly("once");
            List<String> phases = new ArrayList<>();
            done.path("status").path("nodes").forEach(n -> phases.add(n.path("displayName").asText() + ":"
                    + n.path("phase").asText()));
            assertThat(phases).contains("first:Succeeded", "second:Succeeded");
            server.put("/api/v1/workflows/default/flaky/retry").problem(409);
        } finally {
            try (var files = Files.walk(marks)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void retryIsRefusedForARunThatDidNotFailAndForOptionsThatReRunSucceededNodes() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.script("fails", "exit 3"));
        assertThat(phase(server.awaitFinished("default", "fails"))).isEqualTo("Failed");
        server.postYaml("/api/v1/workflows/default", Workflows.suspend("fine", "0", "a"));
        server.awaitFinished("default", "fine");

        server.put("/api/v1/workflows/default/fine/retry").problem(409);
        server.postJsonAs("PUT", "/api/v1/workflows/default/fails/retry", Map.of("restartSuccessful", true))
                .problem(400);
        server.postJsonAs("PUT", "/api/v1/workflows/default/fails/retry",
                Map.of("nodeFieldSelector", "displayName=main")).problem(400);
        assertThat(phase(server.get("/api/v1/workflows/default/fails").json())).isEqualTo("Failed");
        server.put("/api/v1/workflows/default/absent/retry").problem(404);
    }
}
