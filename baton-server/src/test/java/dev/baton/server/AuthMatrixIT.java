package dev.baton.server;

import dev.baton.server.auth.ApiTokens;
import dev.baton.server.auth.Role;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TokenRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens: who may do what in which namespace, over real HTTP. */
class AuthMatrixIT {
    @TempDir
    static Path home;
    static TestServer server;
    static final Map<String, String> TOKENS = new HashMap<>();
    static List<TokenRecord> stored;

    @BeforeAll
    static void start() throws Exception {
        TestStores stores = new TestStores.Sqlite();
        try (Store store = stores.open(home)) {
            for (String spec : new String[]{"viewer@team-a", "editor@team-a", "admin@team-a", "viewer@*",
                    "editor@*", "admin@*"}) {
                String[] parts = spec.split("@");
                TOKENS.put(spec, ApiTokens.create(store, spec, parts[1], Role.parse(parts[0]), Instant.now())
                        .token());
            }
            stored = store.tokens().list();
        }
        server = new TestServer(home, stores, TestServer.openConfig().withAuth(true, false));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // token,         method, path,                                    allowed
            "viewer@team-a,   GET,    /api/v1/workflows/team-a,                true",
            "viewer@team-a,   POST,   /api/v1/workflows/team-a,                false",
            "viewer@team-a,   DELETE, /api/v1/workflows/team-a/absent,         false",
            "viewer@team-a,   GET,    /api/v1/workflows/team-b,                false",
            "editor@team-a,   GET,    /api/v1/workflows/team-a,                true",
            "editor@team-a,   POST,   /api/v1/workflows/team-a,                true",
            "editor@team-a,   DELETE, /api/v1/workflows/team-a/absent,         true",
            "editor@team-a,   GET,    /api/v1/workflows/team-b,                false",
            "editor@team-a,   POST,   /api/v1/workflows/team-b,                false",
            "admin@team-a,    POST,   /api/v1/workflows/team-a,                true",
            "admin@team-a,    GET,    /api/v1/workflows/team-b,                false",
            "viewer@*,        GET,    /api/v1/workflows/team-b,                true",
            "viewer@*,        POST,   /api/v1/workflows/team-b,                false",
            "editor@*,        POST,   /api/v1/workflows/team-b,                true",
            "editor@*,        DELETE, /api/v1/workflows/team-b/absent,         true",
            "admin@*,         GET,    /api/v1/workflows/team-c,                true",
            "admin@*,         POST,   /api/v1/workflows/team-c,                true",
            "admin@*,         DELETE, /api/v1/workflows/team-c/absent,         true",
            "viewer@team-a,   GET,    /api/v1/workflow-templates/team-a,       true",
            "viewer@team-a,   POST,   /api/v1/workflow-templates/team-a,       false",
            "editor@team-a,   POST,   /api/v1/workflow-templates/team-a,       true",
            "editor@team-a,   PUT,    /api/v1/cron-workflows/team-a/absent,    true",
            "viewer@team-a,   PUT,    /api/v1/cron-workflows/team-a/absent,    false",
            "viewer@team-a,   GET,    /api/v1/workflows/team-a/absent/log,     true",
            "viewer@team-a,   PUT,    /api/v1/workflows/team-a/absent/stop,    false",
            "editor@team-a,   PUT,    /api/v1/workflows/team-a/absent/stop,    true",
            "viewer@team-a,   GET,    /api/v1/cluster-workflow-templates,      true",
            "editor@*,        POST,   /api/v1/cluster-workflow-templates,      false",
            "admin@team-a,    POST,   /api/v1/cluster-workflow-templates,      false",
            "admin@*,         POST,   /api/v1/cluster-workflow-templates,      true",
    })
    void roleAndNamespaceDecide(String token, String method, String path, boolean allowed) {
        server.token = TOKENS.get(token);
        TestServer.Response response = switch (method) {
            case "POST" -> server.postYaml(path, Workflows.suspend(null, "0", "a")
                    .replace("name: null", "generateName: auth-"));
            case "PUT" -> server.put(path);
            default -> server.send(method, path, null, null);
        };

        if (allowed) {
            // past the guard: the request itself decides (a workflow body is no template: 400; absent: 404)
            assertThat(response.status()).as(response.body()).isIn(200, 400, 404);
            if (response.status() != 200) {
                assertThat(response.json().path("detail").asText()).doesNotContain("token");
            }
        } else {
            assertThat(response.problem(403).path("detail").asText()).contains(token);
        }
    }

    @Test
    void missingOrUnknownTokensAreUnauthorized() {
        server.token = null;
        assertThat(server.get("/api/v1/workflows/team-a").problem(401).path("detail").asText())
                .contains("Bearer");
        server.token = "baton_not-a-token";
        assertThat(server.get("/api/v1/workflows/team-a").problem(401).path("detail").asText())
                .contains("not known").doesNotContain("revoked");
        server.token = TOKENS.get("admin@*") + "x";
        server.get("/api/v1/workflows/team-a").problem(401);
        assertThat(server.send("GET", "/api/v1/workflows/team-a", null, null).status()).isEqualTo(401);
    }

    @Test
    void aTokenRevokedBesideTheRunningServerIsRefusedFromTheNextRequestOn() {
        String token;
        try (Store beside = server.stores.open(home)) {
            token = ApiTokens.create(beside, "to-revoke", "team-secret", Role.parse("admin"), Instant.now()).token();
        }
        server.token = token;
        assertThat(server.get("/api/v1/workflows/team-secret").status()).isEqualTo(200);

        try (Store beside = server.stores.open(home)) {
            assertThat(beside.tokens().revoke("to-revoke", Instant.now())).isTrue();
        }

        String detail = server.get("/api/v1/workflows/team-secret").problem(401).path("detail").asText();
        assertThat(detail).contains("revoked").doesNotContain("to-revoke").doesNotContain("team-secret")
                .doesNotContain("admin");
        assertThat(server.postYaml("/api/v1/workflows/team-secret", Workflows.suspend(null, "0", "a")
                .replace("name: null", "generateName: auth-")).status()).isEqualTo(401);
    }

    @Test
    void aTokenIsRefusedOnceItExpiresWithoutMoreBeingSaid() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        String expiring;
        String expired;
        try (Store beside = server.stores.open(home)) {
            expiring = ApiTokens.create(beside, "expiring", "team-x", Role.parse("viewer"), Instant.now(), expiry)
                    .token();
            expired = ApiTokens.create(beside, "expired", "team-x", Role.parse("viewer"),
                    Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)).token();
        }
        server.token = expired;
        String detail = server.get("/api/v1/workflows/team-x").problem(401).path("detail").asText();
        assertThat(detail).contains("expired").doesNotContain("team-x").doesNotContain("viewer");

        server.token = expiring;
        assertThat(server.get("/api/v1/workflows/team-x").status()).isEqualTo(200);
        while (Instant.now().isBefore(expiry.plusMillis(100))) {
            Thread.sleep(100);
        }
        assertThat(server.get("/api/v1/workflows/team-x").problem(401).path("detail").asText()).contains("expired");
    }

    @Test
    void theLastUseOfATokenIsRecorded() {
        String token;
        try (Store beside = server.stores.open(home)) {
            token = ApiTokens.create(beside, "used", "team-u", Role.parse("viewer"), Instant.now()).token();
        }
        Instant before = Instant.now().minusSeconds(1);
        server.token = token;
        assertThat(server.get("/api/v1/workflows/team-u").status()).isEqualTo(200);

        try (Store beside = server.stores.open(home)) {
            TokenRecord used = beside.tokens().list().stream().filter(t -> t.name().equals("used")).findFirst()
                    .orElseThrow();
            assertThat(used.lastUsedAt()).isAfter(before);
        }
    }

    @Test
    void healthNeedsNoToken() {
        server.token = null;
        assertThat(server.get("/healthz").status()).isEqualTo(200);
        assertThat(server.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void tokensAreStoredOnlyAsDigests() {
        String token = TOKENS.get("viewer@team-a");
        assertThat(stored).hasSize(6).allSatisfy(t -> assertThat(t.sha256()).hasSize(64).isNotEqualTo(token));
        assertThat(stored).filteredOn(t -> t.sha256().equals(ApiTokens.digest(token)))
                .extracting(TokenRecord::role).containsExactly("viewer");
    }

    @Test
    void aServerWithoutTokensRefusesToListenBeyondLoopbackUnlessTold() {
        ServerConfig exposed = TestServer.openConfig().withAddress("0.0.0.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(exposed::checkExposure)
                .hasMessageContaining("--insecure-no-auth");
        exposed.withAuth(false, true).checkExposure();
        exposed.withAuth(true, false).checkExposure();
    }
}
