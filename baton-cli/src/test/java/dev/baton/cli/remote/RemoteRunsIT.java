package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Submitting, listing, reading and following runs on a real server with the real {@code baton} command. */
class RemoteRunsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new RunningServer(root);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String script(String name, String source) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  %s
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    script:
                      image: alpine
                      command: [sh]
                      source: |
                %s
                """.formatted(name, source.indent(8).stripTrailing());
    }

    static Path example() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("examples/hello-dag.yaml"))) {
                return p.resolve("examples/hello-dag.yaml");
            }
        }
        throw new AssertionError("examples/hello-dag.yaml not found");
    }

    @Test
    void submitWaitRunsTheWorkflowOnTheServerAndListGetLogsWatchShowIt() throws Exception {
        CliProcess.Outcome submit = server.baton("submit", example().toString(), "-p", "greeting=bonjour",
                "--wait", "-o", "json");
        assertThat(submit.exit()).as(submit.toString()).isZero();
        JsonNode workflow = JSON.readTree(submit.stdout());
        String name = workflow.path("metadata").path("name").asText();
        assertThat(RunningServer.phase(workflow)).isEqualTo("Succeeded");
        assertThat(submit.stderr()).contains(name + ".write Succeeded").contains(name + " Succeeded");

        CliProcess.Outcome table = server.baton("list");
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.stdout().lines().findFirst().orElseThrow())
                .matches("NAME +STATUS +AGE +DURATION +MESSAGE");
        assertThat(table.stdout()).containsPattern(name + " +Succeeded +\\d+[smhd] +[0-9.]+m?s");

        CliProcess.Outcome json = server.baton("list", "-o", "json");
        assertThat(json.exit()).isZero();
        assertThat(JSON.readTree(json.stdout()).path("items").findValuesAsText("name")).contains(name);

        CliProcess.Outcome get = server.baton("get", name);
        assertThat(get.exit()).as(get.toString()).isZero();
        assertThat(get.stdout()).contains("Name:      " + name).contains("Status:    Succeeded")
                .containsPattern("✔ " + name + " +Succeeded").containsPattern("\n  ✔ write +Succeeded")
                .containsPattern("\n    ✔ shout +Succeeded");

        CliProcess.Outcome getJson = server.baton("get", name, "-o", "json");
        assertThat(JSON.readTree(getJson.stdout()).path("status").path("nodes").size()).isEqualTo(4);

        CliProcess.Outcome logs = server.baton("logs", name);
        assertThat(logs.exit()).as(logs.toString()).isZero();
        assertThat(logs.stdout()).contains(name + ".shout: BONJOUR FROM BATON");
        CliProcess.Outcome oneNode = server.baton("logs", name, "shout");
        assertThat(oneNode.stdout().strip()).isEqualTo("BONJOUR FROM BATON");

        CliProcess.Outcome watch = server.baton("watch", name);
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(watch.stdout().strip()).endsWith(name + " Succeeded");
    }

    @Test
    void watchFollowsARunningRunToItsEndAndLogsFollowStepsAsTheyStart() throws Exception {
        Path file = server.file("slow.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: slow-}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: one, template: first}
                    - - {name: two, template: second}
                  - name: first
                    script: {image: alpine, command: [sh], source: "echo first; sleep 2; echo still first"}
                  - name: second
                    script: {image: alpine, command: [sh], source: "echo second"}
                """);
        CliProcess.Outcome submit = server.baton("submit", file.toString());
        assertThat(submit.exit()).as(submit.toString()).isZero();
        String name = submit.stdout().strip();
        assertThat(name).startsWith("slow-");

        CliProcess.Outcome logs = server.baton("logs", name, "-f");
        assertThat(logs.exit()).as(logs.toString()).isZero();
        assertThat(logs.stdout()).containsPattern("\\.one: first\n.*\\.one: still first\n.*\\.two: second\n");

        CliProcess.Outcome watch = server.baton("watch", name);
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(watch.stdout()).contains(name + " Succeeded");

        // a run that waits at a suspend step until the test resumes it, once watch has had time to start
        Path gated = server.file("gated.yaml", Files.readString(file).replace(
                "script: {image: alpine, command: [sh], source: \"echo first; sleep 2; echo still first\"}",
                "suspend: {}"));
        String running = server.baton("submit", gated.toString()).stdout().strip();
        CompletableFuture<CliProcess.Outcome> watching = CompletableFuture.supplyAsync(() -> {
            try {
                return server.baton("watch", running);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(8000);
        assertThat(server.baton("resume", running).exit()).isZero();
        CliProcess.Outcome live = watching.get(120, TimeUnit.SECONDS);
        assertThat(live.exit()).as(live.toString()).isZero();
        assertThat(live.stdout()).containsPattern("\\.one Running\n(.*\n)*.*\\.one Succeeded \\(.*\\)\n"
                + "(.*\n)*.*\\.two Succeeded").endsWith(running + " Succeeded\n");
        CliProcess.Outcome second = server.baton("logs", running, "two", "-f");
        assertThat(second.stdout()).isEqualTo("second\n");
    }

    @Test
    void aFailingRunExitsOneAndAnInvalidOneTwoWithEveryProblem() throws Exception {
        Path failing = server.file("failing.yaml", script("generateName: failing-", "echo bad >&2\nexit 3\n"));
        CliProcess.Outcome failed = server.baton("submit", failing.toString(), "--wait");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stderr()).containsPattern("failing-\\w+ Failed");

        String watchName = failed.stderr().lines().filter(l -> l.startsWith("submitted ")).findFirst()
                .orElseThrow().split(" ")[1];
        assertThat(server.baton("watch", watchName).exit()).isEqualTo(1);

        Path invalid = server.file("invalid.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: invalid-}
                spec:
                  entrypoint: nope
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: a, template: missing}
                """);
        CliProcess.Outcome rejected = server.baton("submit", invalid.toString(), "--wait");
        assertThat(rejected.exit()).as(rejected.toString()).isEqualTo(2);
        assertThat(rejected.stderr()).startsWith("baton: server " + server.uri() + " rejected the workflow (400")
                .contains("2 problem(s):")
                .containsPattern("\n  line 5:\\d+: spec.entrypoint: .*'nope'")
                .containsPattern("\n  line 10:\\d+: spec.templates\\[0\\].dag.tasks\\[0\\].template: .*'missing'")
                .doesNotContain("Exception");

        CliProcess.Outcome notYaml = server.baton("submit", server.file("broken.yaml", "kind: [").toString());
        assertThat(notYaml.exit()).isEqualTo(2);
        assertThat(notYaml.stderr()).contains("broken.yaml:").contains("not valid YAML");
    }

    @Test
    void errorsAreOneLineNamingTheServerAndTheProblem() throws Exception {
        CliProcess.Outcome badToken = server.batonWith(Map.of("BATON_SERVER", server.uri(),
                "BATON_TOKEN", "baton_not-a-real-token"), "list");
        assertThat(badToken.exit()).isEqualTo(1);
        assertThat(badToken.stderr().lines()).containsExactly("baton: server " + server.uri()
                + " refused the token (401 Unauthorized): the token is not known to this server (mistyped, or "
                + "made for another store)");
        assertThat(badToken.stderr() + badToken.stdout()).doesNotContain("not-a-real-token");

        Map<String, String> viewer = Map.of("BATON_SERVER", server.uri(), "BATON_TOKEN", server.viewerToken);
        CliProcess.Outcome forbidden = server.batonWith(viewer, "submit", example().toString());
        assertThat(forbidden.exit()).isEqualTo(1);
        assertThat(forbidden.stderr().lines()).containsExactly("baton: server " + server.uri()
                + " forbids this (403 Forbidden): token 'viewer' has role viewer, which may not submit, change or "
                + "delete");
        assertThat(forbidden.stderr()).doesNotContain(server.viewerToken);
        assertThat(server.batonWith(viewer, "list").exit()).isZero();

        CliProcess.Outcome missing = server.baton("get", "no-such-run");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr().lines()).containsExactly("baton: server " + server.uri()
                + ": not found (404): no workflow named 'no-such-run' in namespace default");

        Path named = server.file("named.yaml", script("name: fixed-name", "echo one\n"));
        assertThat(server.baton("submit", named.toString()).exit()).isZero();
        CliProcess.Outcome conflict = server.baton("submit", named.toString());
        assertThat(conflict.exit()).isEqualTo(1);
        assertThat(conflict.stderr().lines()).containsExactly("baton: server " + server.uri()
                + ": conflict (409): a workflow named 'fixed-name' already exists in namespace default");

        Path big = server.file("big.yaml", script("generateName: big-", "echo " + "x".repeat(1_200_000) + "\n"));
        CliProcess.Outcome tooLarge = server.baton("submit", big.toString());
        assertThat(tooLarge.exit()).as(tooLarge.toString()).isEqualTo(1);
        assertThat(tooLarge.stderr()).startsWith("baton: server " + server.uri()
                + " refused the request as too large (413)");
        assertThat(tooLarge.stderr().lines()).hasSize(1);

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliProcess.Outcome refused = server.batonWith(Map.of(), "list", "--server", "http://127.0.0.1:" + closed,
                "--token", server.editorToken);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr().lines()).hasSize(1).first().asString()
                .isEqualTo("baton: cannot reach server http://127.0.0.1:" + closed + ": connection refused (is baton "
                        + "server running there?)");
        CliProcess.Outcome unknown = server.batonWith(Map.of(), "get", "x", "--server",
                "http://no-such-host.invalid:2746");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.stderr().lines()).containsExactly("baton: cannot reach server "
                + "http://no-such-host.invalid:2746: unknown host (is baton server running there?)");
    }

    @Test
    void theServerIsTakenFromTheFlagThenTheEnvironmentThenTheConfigFile() throws Exception {
        Path home = Files.createDirectories(root.resolve("configured"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Files.writeString(home.resolve("config.yaml"), "server: " + server.uri() + "\ntoken: " + server.editorToken
                + "\n");
        CliProcess.Outcome fromFile = CliProcess.run(home, Map.of(), "list");
        assertThat(fromFile.exit()).as(fromFile.toString()).isZero();
        assertThat(fromFile.stdout()).startsWith("NAME").contains("STATUS");

        Map<String, String> elsewhere = Map.of("BATON_SERVER", "http://127.0.0.1:" + closed);
        CliProcess.Outcome fromEnv = CliProcess.run(home, elsewhere, "list");
        assertThat(fromEnv.exit()).isEqualTo(1);
        assertThat(fromEnv.stderr()).startsWith("baton: cannot reach server http://127.0.0.1:" + closed);

        CliProcess.Outcome fromFlag = CliProcess.run(home, elsewhere, "list", "--server", server.uri());
        assertThat(fromFlag.exit()).as(fromFlag.toString()).isZero();

        Files.writeString(home.resolve("config.yaml"), "sever: http://127.0.0.1:1\n");
        CliProcess.Outcome badConfig = CliProcess.run(home, Map.of(), "get", "x");
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.stderr()).contains("config.yaml: unknown key 'sever'");
    }

    @Test
    void withNoServerConfiguredListAndGetStayLocal() throws Exception {
        Path home = Files.createDirectories(root.resolve("local"));
        CliProcess.Outcome list = CliProcess.run(home, Map.of(), "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.stdout()).matches("NAME +PHASE +CREATED +DURATION +MESSAGE\\s*");
        assertThat(Files.exists(home.resolve("baton.db"))).as("the local store was opened").isTrue();
        CliProcess.Outcome get = CliProcess.run(home, Map.of(), "get", "nothing");
        assertThat(get.stderr()).contains("no run named 'nothing' in namespace default");
        CliProcess.Outcome submit = CliProcess.run(home, Map.of(), "submit", example().toString());
        assertThat(submit.exit()).isEqualTo(2);
        assertThat(submit.stderr()).contains("no server is configured");
    }
}
