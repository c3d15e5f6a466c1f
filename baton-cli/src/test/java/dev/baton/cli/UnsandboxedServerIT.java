package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton server} where steps cannot be sandboxed (forced here with {@code isolation=none}): it says so
 * once and ends every step in error, unless started with {@code --insecure-steps}.
 */
class UnsandboxedServerIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "baton").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Touches nothing on the host: with --insecure-steps it runs unisolated, as root in CI. */
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: unsandboxed-
            spec:
              entrypoint: main
              templates:
              - name: main
                dag:
                  tasks:
                  - {name: a, template: echo}
                  - {name: b, template: echo, dependencies: [a]}
              - name: echo
                container:
                  image: alpine:3.20
                  command: [echo, hello]
            """;

    @TempDir
    Path home;

    @BeforeAll
    static void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(Path.of("target", "baton-cli.jar")), "run ./mvnw package first");
    }

    /** What the server printed before it listened, and the run's final workflow. */
    private record Outcome(List<String> startup, JsonNode workflow) {
    }

    private Outcome serveOneRun(String... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "server", "--port", "0", "--auth", "none"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().remove("BATON_STORE_URL");
        builder.environment().put("BATON_JAVA_OPTS", "-Dbaton.host.isolation=none");
        Process server = builder.start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                    StandardCharsets.UTF_8));
            List<String> startup = new ArrayList<>();
            String url = null;
            String line;
            while (url == null && (line = err.readLine()) != null) {
                startup.add(line);
                if (line.startsWith("listening on ")) {
                    url = line.substring("listening on ".length()).strip();
                }
            }
            Thread.ofVirtual().start(() -> {
                try {
                    server.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // The server is gone.
                }
            });
            assertThat(url).as(String.join("\n", startup)).isNotNull();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(URI.create(url
                            + "/api/v1/workflows/default")).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(WORKFLOW)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            String name = JSON.readTree(submitted.body()).path("metadata").path("name").asText();
            JsonNode workflow = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                workflow = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(url
                        + "/api/v1/workflows/default/" + name)).build(), HttpResponse.BodyHandlers.ofString()).body());
                if (Set.of("Succeeded", "Failed", "Error").contains(workflow.path("status").path("phase").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            return new Outcome(startup, workflow);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void stepsEndInErrorSayingWhyAndWhatToDo() throws Exception {
        Outcome outcome = serveOneRun();

        assertThat(outcome.startup()).contains("baton: no mount namespace available (isolation=none was requested);"
                + " steps will not run. Start the server with --insecure-steps to run them unisolated as its own"
                + " user, able to read and change everything that user can");
        assertThat(outcome.workflow().path("status").path("phase").asText()).isIn("Failed", "Error");
        List<String> stepMessages = new ArrayList<>();
        outcome.workflow().path("status").path("nodes").forEach(node -> {
            if (node.path("type").asText().equals("Pod")) {
                assertThat(node.path("phase").asText()).isEqualTo("Error");
                stepMessages.add(node.path("message").asText());
            }
        });
        assertThat(stepMessages).isNotEmpty().allSatisfy(message -> assertThat(message).isEqualTo(
                "this host allows steps no sandbox (no mount namespace available (isolation=none was requested)),"
                        + " so the step was not run: allow unprivileged user namespaces (or run Baton as root), or"
                        + " start the server with --insecure-steps to run steps unisolated as the server's own user"));
    }

    @Test
    void insecureStepsRunThemAfterSayingWhatThatMeans() throws Exception {
        Outcome outcome = serveOneRun("--insecure-steps");

        assertThat(outcome.startup()).contains("baton: no mount namespace available (isolation=none was requested);"
                + " steps run unisolated as this process's user (insecure-steps): a step can read and change"
                + " everything this user can, Baton's own data included");
        assertThat(outcome.workflow().path("status").path("phase").asText()).isEqualTo("Succeeded");
    }
}
