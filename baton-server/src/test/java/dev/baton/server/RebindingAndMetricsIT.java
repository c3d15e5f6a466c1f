package dev.baton.server;

import dev.baton.server.auth.ApiTokens;
import dev.baton.server.auth.Role;
import dev.baton.spi.store.ArtifactIndex;
import dev.baton.spi.store.CronStore;
import dev.baton.spi.store.LeaseStore;
import dev.baton.spi.store.LockStore;
import dev.baton.spi.store.MemoCache;
import dev.baton.spi.store.RunLog;
import dev.baton.spi.store.RunStore;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TemplateStore;
import dev.baton.spi.store.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without tokens answers only requests naming it (a DNS-rebinding page sends its own name as Host, and
 * its Origin), an unauthenticated {@code /metrics} scrape never reaches the database, and a fault inside the
 * server is told to the client by a correlation id only.
 */
class RebindingAndMetricsIT {
    @TempDir
    Path home;

    @Test
    void aRebindingPageCanNeitherReadNorSubmit() throws Exception {
        try (BatonServer server = BatonServer.start(TestServer.openConfig(), home)) {
            RawHttp raw = new RawHttp(server.uri());
            byte[] workflow = Workflows.script("rebound", "echo hi").getBytes(StandardCharsets.UTF_8);

            RawHttp.Answer read = raw.send("GET", "/api/v1/workflows/default",
                    Map.of("Host", "attacker.example:" + server.uri().getPort()), null);
            RawHttp.Answer submit = raw.send("POST", "/api/v1/workflows/default",
                    Map.of("Host", "attacker.example", "Content-Type", "application/yaml"), workflow);
            RawHttp.Answer fromPage = raw.send("POST", "/api/v1/workflows/default",
                    Map.of("Origin", "http://attacker.example", "Content-Type", "application/yaml"), workflow);

            assertThat(read.status()).isEqualTo(403);
            assertThat(read.header("Content-Type")).startsWith("application/problem+json");
            assertThat(read.body()).contains("Host");
            assertThat(submit.status()).isEqualTo(403);
            assertThat(fromPage.status()).isEqualTo(403);
            assertThat(fromPage.body()).contains("Origin");
            assertThat(raw.send("GET", "/api/v1/workflows/default/rebound", Map.of(), null).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void localNamesTheListeningAddressAndItsOwnPagesAreServed() throws Exception {
        try (BatonServer server = BatonServer.start(TestServer.openConfig(), home)) {
            RawHttp raw = new RawHttp(server.uri());
            int port = server.uri().getPort();

            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "LOCALHOST.", "[::1]:" + port)) {
                assertThat(raw.send("GET", "/api/v1/workflows/default", Map.of("Host", host), null).status())
                        .as(host).isEqualTo(200);
            }
            RawHttp.Answer ownPage = raw.send("POST", "/api/v1/workflows/default",
                    Map.of("Origin", "http://localhost:" + port, "Content-Type", "application/yaml"),
                    Workflows.script("local", "echo hi").getBytes(StandardCharsets.UTF_8));
            assertThat(ownPage.status()).as(ownPage.body()).isEqualTo(200);
        }
    }

    @Test
    void aConfiguredHostIsServed() throws Exception {
        ServerConfig config = TestServer.openConfig().withAllowedHosts(List.of("baton.internal.example"));
        try (BatonServer server = BatonServer.start(config, home)) {
            RawHttp raw = new RawHttp(server.uri());

            assertThat(raw.send("GET", "/healthz", Map.of("Host", "baton.internal.example"), null).status())
                    .isEqualTo(200);
            assertThat(raw.send("GET", "/healthz", Map.of("Host", "other.example"), null).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void anUnauthenticatedScrapeNeverQueriesTheDatabase() throws Exception {
        BreakableStore store = new BreakableStore(new TestStores.Sqlite().open(home));
        ServerConfig config = ServerConfig.defaults().withPort(0).withCronTick(Duration.ZERO);
        try (BatonServer server = BatonServer.start(config, home, store)) {
            String token = ApiTokens.create(store, "scraper", "*", Role.parse("viewer"), Instant.now()).token();
            HttpClient client = HttpClient.newHttpClient();
            store.broken.set(true);

            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(
                    URI.create(server.uri() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body()).contains("baton_runs_running 0")
                    .doesNotContain("baton_store_latency_seconds");
            assertThat(store.queried.get()).isFalse();

            store.broken.set(false);
            HttpResponse<String> withToken = client.send(HttpRequest.newBuilder(
                            URI.create(server.uri() + "/metrics")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).containsPattern("baton_store_latency_seconds [0-9.E-]+\n");
        }
    }

    @Test
    void aFaultInTheStoreIsA500CarryingOnlyACorrelationIdThatTheLogExplains() throws Exception {
        BreakableStore store = new BreakableStore(new TestStores.Sqlite().open(home));
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        try (BatonServer server = BatonServer.start(TestServer.openConfig(), home, store)) {
            store.broken.set(true);
            System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));

            RawHttp.Answer answer = new RawHttp(server.uri()).send("GET", "/api/v1/workflows/default", Map.of(),
                    null);

            System.setErr(stderr);
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            String id = answer.header("X-Correlation-Id");
            assertThat(answer.body()).contains(id).doesNotContain("unreachable")
                    .doesNotContainPattern(AnswerLeaks.PATTERN).doesNotContain(home.toString());
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("[" + id + "]")
                    .contains("the database is unreachable");
        } finally {
            System.setErr(stderr);
        }
    }

    /** A store whose runs cannot be reached while broken, recording whether anyone tried. */
    private static final class BreakableStore implements Store {
        final AtomicBoolean broken = new AtomicBoolean();
        final AtomicBoolean queried = new AtomicBoolean();
        private final Store inner;

        BreakableStore(Store inner) {
            this.inner = inner;
        }

        @Override
        public RunStore runs() {
            if (broken.get()) {
                queried.set(true);
                throw new IllegalStateException("the database is unreachable");
            }
            return inner.runs();
        }

        @Override
        public LeaseStore leases() {
            return inner.leases();
        }

        @Override
        public RunLog log() {
            return inner.log();
        }

        @Override
        public TemplateStore templates() {
            return inner.templates();
        }

        @Override
        public CronStore crons() {
            return inner.crons();
        }

        @Override
        public ArtifactIndex artifactIndex() {
            return inner.artifactIndex();
        }

        @Override
        public MemoCache memoCache() {
            return inner.memoCache();
        }

        @Override
        public LockStore locks() {
            return inner.locks();
        }

        @Override
        public TokenStore tokens() {
            return inner.tokens();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
