package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.http.Api;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description, metrics and probes. */
class OperationsIT extends ApiSuite {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }

    @Test
    void theOpenApiDocumentDescribesEveryRegisteredRoute() {
        JsonNode document = server.get("/api/openapi.json").json();

        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(server.server.routes()).hasSizeGreaterThan(30);
        for (Api.Route route : server.server.routes()) {
            JsonNode path = document.path("paths").path(route.path());
            assertThat(path.isObject()).as("%s is in the OpenAPI document", route.path()).isTrue();
            assertThat(path.has(route.method().name().toLowerCase(Locale.ROOT)))
                    .as("%s %s is in the OpenAPI document", route.method(), route.path()).isTrue();
        }
    }

    @Test
    void metricsCountFinishedRunsStepDurationsAndTheQueue() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.script("measured", "sleep 1"));
        server.awaitFinished("default", "measured");

        TestServer.Response metrics = server.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("baton_runs_finished_total{phase=\"Succeeded\"} 1\n")
                .contains("baton_runs_finished_total{phase=\"Failed\"} 0\n")
                .contains("baton_runs_queued 0\n")
                .contains("baton_node_duration_seconds_bucket{le=\"0.5\"} 0\n")
                .contains("baton_node_duration_seconds_bucket{le=\"+Inf\"} 1\n")
                .contains("baton_node_duration_seconds_count 1\n")
                .doesNotContain("baton_store_latency_seconds");
    }
}
