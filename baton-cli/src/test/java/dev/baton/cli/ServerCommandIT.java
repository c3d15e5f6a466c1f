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
            String url = listeningUrl(server);
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

    /** Where the server says it listens; keeps draining its standard error so it never blocks on a full pipe. */
    private static String listeningUrl(Process server) throws IOException {
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
        Thread.ofVirtual().start(() -> read(server.getErrorStream()));
        assertThat(url).as("the server says where it listens").isNotNull();
        return url;
    }

    @Test
    void tokensAreListedWithoutTheirSecretAndARevokedOneIsRefusedByTheRunningServer() throws Exception {
        Done ci = run("token", "create", "--namespace", "team-a", "--role", "viewer", "--name", "ci",
                "--expires-in", "30d");
        Done forever = run("token", "create", "--namespace", "*", "--role", "admin");
        assertThat(ci.exitCode()).as(ci.stderr()).isZero();
        assertThat(forever.exitCode()).as(forever.stderr()).isZero();
        assertThat(forever.stderr()).contains("does not expire");
        String token = ci.stdout().lines().toList().getLast();
        String other = forever.stdout().lines().toList().getLast();

        Process server = baton("server", "--port", "0").start();
        try {
            String url = listeningUrl(server);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest read = HttpRequest.newBuilder(URI.create(url + "/api/v1/workflows/team-a"))
                    .header("Authorization", "Bearer " + token).build();
            assertThat(client.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            JsonNode listed = JSON.readTree(run("token", "list", "-o", "json").stdout()).path("items");
            assertThat(listed).hasSize(2);
            JsonNode first = listed.get(0);
            assertThat(first.path("name").asText()).isEqualTo("ci");
            assertThat(first.path("namespace").asText()).isEqualTo("team-a");
            assertThat(first.path("role").asText()).isEqualTo("viewer");
            assertThat(first.path("status").asText()).isEqualTo("active");
            assertThat(java.time.Duration.between(java.time.Instant.parse(first.path("created").asText()),
                    java.time.Instant.parse(first.path("expires").asText()))).isEqualTo(Duration.ofDays(30));
            assertThat(first.path("lastUsed").isTextual()).as("the request above was recorded").isTrue();
            assertThat(listed.get(1).path("name").asText()).startsWith("token-");
            assertThat(listed.get(1).path("expires").isNull()).isTrue();
            String table = run("token", "list").stdout();
            for (String shown : List.of(listed.toString(), table)) {
                assertThat(shown).doesNotContain(token).doesNotContain(other)
                        .doesNotContain(dev.baton.server.auth.ApiTokens.digest(token));
            }
            assertThat(table).contains("NAME").contains("LAST USED").contains("ci").contains("never");

            Done revoked = run("token", "revoke", "ci");
            assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
            HttpResponse<String> refused = client.send(read, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("revoked");
            assertThat(JSON.readTree(run("token", "list", "-o", "json").stdout()).path("items").get(0)
                    .path("status").asText()).isEqualTo("revoked");
            assertThat(run("token", "revoke", "ci").exitCode()).as("revoking again changes nothing").isZero();
            assertThat(run("token", "revoke", "absent").exitCode()).isEqualTo(1);
            assertThat(run("token", "create", "--namespace", "team-a", "--role", "viewer", "--name", "ci")
                    .exitCode()).as("a revoked token's name stays taken").isEqualTo(1);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void badLifetimesAndTokenNamesAreRefused() throws Exception {
        for (String lifetime : List.of("30", "30x", "-1d", "0d", "1y", "99999d")) {
            Done bad = run("token", "create", "--namespace", "x", "--role", "viewer", "--expires-in", lifetime);
            assertThat(bad.exitCode()).as(lifetime).isEqualTo(2);
            assertThat(bad.stderr()).contains("--expires-in");
        }
        for (String name : List.of("../x", "a b", "-x", "x/y", "é")) {
            Done bad = run("token", "create", "--namespace", "x", "--role", "viewer", "--name", name);
            assertThat(bad.exitCode()).as(name).isEqualTo(2);
            assertThat(bad.stderr()).contains("--name");
        }
        assertThat(JSON.readTree(run("token", "list", "-o", "json").stdout()).path("items")).isEmpty();
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
