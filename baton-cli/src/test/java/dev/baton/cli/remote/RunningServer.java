package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerConfig;
import dev.baton.server.StoreAccess;
import dev.baton.server.auth.ApiTokens;
import dev.baton.server.auth.Role;
import dev.baton.spi.store.Store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real Baton server in this JVM on a free loopback port, with tokens required, a temporary home and SQLite
 * store, an editor and a viewer token for namespace {@code default}, and a separate home for the CLI.
 */
final class RunningServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final Path serverHome;
    final Path clientHome;
    final BatonServer server;
    final String editorToken;
    final String viewerToken;

    RunningServer(Path root) throws IOException {
        serverHome = Files.createDirectories(root.resolve("server"));
        clientHome = Files.createDirectories(root.resolve("client"));
        Store store = StoreAccess.open(serverHome);
        editorToken = ApiTokens.create(store, "editor", "default", Role.EDITOR, Instant.now()).token();
        viewerToken = ApiTokens.create(store, "viewer", "default", Role.VIEWER, Instant.now()).token();
        server = BatonServer.start(ServerConfig.defaults().withPort(0)
                .withLimits(8, 1 << 20, Duration.ofSeconds(30)), serverHome, store);
    }

    String uri() {
        return server.uri().toString();
    }

    /** {@code baton ARGS} talking to this server with the editor token (through BATON_SERVER and BATON_TOKEN). */
    CliProcess.Outcome baton(String... args) throws IOException, InterruptedException {
        return CliProcess.run(clientHome, Map.of("BATON_SERVER", uri(), "BATON_TOKEN", editorToken), args);
    }

    /** {@code baton ARGS} with these environment variables only (no server unless they name one). */
    CliProcess.Outcome batonWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return CliProcess.run(clientHome, env, args);
    }

    /** Writes a file under the client's home. */
    Path file(String name, String text) throws IOException {
        return Files.writeString(clientHome.resolve(name), text);
    }

    /** Reads the workflow over HTTP until {@code done} holds. */
    JsonNode await(String name, Predicate<JsonNode> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri()
                            + "/api/v1/workflows/default/" + name)).header("Authorization", "Bearer " + editorToken)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("workflow " + name + " did not get there; last: " + last);
    }

    /** Whether a node of this display name is in this phase. */
    static boolean nodeIn(JsonNode workflow, String displayName, String phase) {
        for (JsonNode node : workflow.path("status").path("nodes")) {
            if (node.path("displayName").asText().equals(displayName) && node.path("phase").asText().equals(phase)) {
                return true;
            }
        }
        return false;
    }

    static String phase(JsonNode workflow) {
        return workflow.path("status").path("phase").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
