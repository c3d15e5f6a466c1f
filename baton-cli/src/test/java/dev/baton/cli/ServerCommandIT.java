package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code baton token create} and {@code baton server} as real processes, spoken to over HTTP. */
class ServerCommandIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "baton").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @BeforeAll
    static void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(Path.of("target", "baton-cli.jar")), "run ./mvnw package first");
    }

    private record Done(int exitCode, String stdout, String stderr) {
    }

    private ProcessBuilder baton(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().remove("BATON_STORE_URL");
        return builder;
    }

    private Done run(String... args) throws IOException, InterruptedException {
        Process p = baton(args).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        String err = read(p.getErrorStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Done(p.exitValue(), out.join(), err);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTokenMadeOnTheCommandLineOpensTheServersApiAndSigtermStopsIt() throws Exception {
        Done created = run("token", "create", "--namespace", "default", "--role", "editor", "--name", "ci");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        List<String> lines = created.stdout().lines().toList();
        String token = lines.getLast();
        assertThat(token).startsWith("baton_").hasSizeGreaterThan(40);
        assertThat(run("token", "create", "--namespace", "default", "--role", "editor", "--name", "ci").exitCode())
                .isEqualTo(1);

        Process server = baton("server", "--port", "0").start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            String line;
            while (url == null && (line = err.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            // keep draining the server's standard error so it never blocks on a full pipe
            Thread.ofVirtual().start(() -> read(server.getErrorStream()));
            assertThat(url).as("the server says where it listens").isNotNull();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(url
                    + "/api/v1/workflows/default")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(URI.create(url
                            + "/api/v1/workflows/default"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("..", "examples", "hello-dag.yaml")))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            String name = JSON.readTree(submitted.body()).path("metadata").path("name").asText();
            String phase = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!phase.equals("Succeeded") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                JsonNode w = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(url
                                + "/api/v1/workflows/default/" + name)).header("Authorization", "Bearer " + token)
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                phase = w.path("status").path("phase").asText();
            }
            assertThat(phase).isEqualTo("Succeeded");

            Done listed = run("list");
            assertThat(listed.stdout()).contains(name).contains("Succeeded");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("SIGTERM stops the server").isTrue();
        }
    }

    @Test
    void noAuthBeyondLoopbackNeedsToBeSaidExplicitly() throws Exception {
        Done refused = run("server", "--address", "0.0.0.0", "--auth", "none");
        Done badRole = run("token", "create", "--namespace", "x", "--role", "boss");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("refusing to listen on 0.0.0.0").contains("--insecure-no-auth");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.stderr()).contains("viewer, editor or admin");
    }
}
