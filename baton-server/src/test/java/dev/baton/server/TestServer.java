package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A real server on a free loopback port, with a temporary Baton home, spoken to over real HTTP. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path home;
    final TestStores stores;
    final ServerConfig config;
    final Clock cronClock;
    BatonServer server;
    String token;

    TestServer(Path home, TestStores stores, ServerConfig config) throws IOException {
        this(home, stores, config, Clock.systemUTC());
    }

    /** A server whose cron workflows are scheduled by {@code cronClock}. */
    TestServer(Path home, TestStores stores, ServerConfig config, Clock cronClock) throws IOException {
        this.home = home;
        this.stores = stores;
        this.config = config;
        this.cronClock = cronClock;
        this.server = BatonServer.start(config, home, stores.open(home), cronClock);
    }

    /** Without authentication, 1 MiB bodies, on any free port. */
    static ServerConfig openConfig() {
        return ServerConfig.defaults().withPort(0).withAuth(false, false)
                .withLimits(8, 1 << 20, Duration.ofSeconds(30));
    }

    /** Stops the server and starts a new one on the same home and store. */
    void restart() throws IOException {
        server.close();
        server = BatonServer.start(config, home, stores.open(home), cronClock);
    }

    /** A response: status, content type and body. */
    record Response(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** Asserts a problem+json error document with this status. */
        JsonNode problem(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode p = json();
            assertThat(p.path("status").asInt()).isEqualTo(expected);
            assertThat(p.path("type").asText()).isNotBlank();
            assertThat(p.path("title").asText()).isNotBlank();
            assertThat(p.path("detail").asText()).isNotBlank();
            return p;
        }
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response put(String path) {
        return send("PUT", path, "{}", "application/json");
    }

    Response postJson(String path, Object body) {
        try {
            return send("POST", path, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Response postJsonAs(String method, String path, Object body) {
        try {
            return send(method, path, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Response postYaml(String path, String yaml) {
        return send("POST", path, yaml, "application/yaml");
    }

    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What to do with each line of a streamed response. */
    interface LineConsumer {
        void accept(String line) throws IOException;
    }

    /** Reads a streamed 200 response line by line as it arrives, until the server ends it. */
    void lines(String path, LineConsumer consumer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(90)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<java.util.stream.Stream<String>> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var lines = response.body()) {
                for (var it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (!line.isEmpty()) {
                        consumer.accept(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls the workflow until {@code done} holds (at most {@code timeout}); returns its last state. */
    JsonNode await(String namespace, String name, Predicate<JsonNode> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Response r = get("/api/v1/workflows/" + namespace + "/" + name);
            if (r.status() == 200) {
                last = r.json();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("workflow " + name + " did not get there in " + timeout + "; last: " + last);
    }

    /** Waits for a final phase and returns the workflow. */
    JsonNode awaitFinished(String namespace, String name) throws InterruptedException {
        return await(namespace, name, w -> w.path("metadata").path("labels")
                .path("workflows.argoproj.io/completed").asText().equals("true"), Duration.ofSeconds(90));
    }

    static String phase(JsonNode workflow) {
        return workflow.path("status").path("phase").asText();
    }

    @Override
    public void close() throws Exception {
        server.close();
        stores.drop();
    }
}
