package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.baton.server.TestServer.phase;
import static org.assertj.core.api.Assertions.assertThat;

/** The server's own timer, on the system clock, starts cron workflows' runs; with cron.enabled false it does not. */
class CronTimerIT {
    private static final String EVERY_TWO_SECONDS = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata: {name: often}
            spec:
              schedule: "@every 2s"
              workflowSpec:
                entrypoint: main
                templates:
                - name: main
                  container: {image: alpine, command: [echo, hi]}
            """;

    @TempDir
    Path home;

    private static int runCount(TestServer server) {
        return server.get("/api/v1/workflows/default").json().path("items").size();
    }

    @Test
    void theServerTicksByItselfEverySecond() throws Exception {
        try (TestServer server = new TestServer(home, new TestStores.Sqlite(), TestServer.openConfig())) {
            assertThat(server.postYaml("/api/v1/cron-workflows/default", EVERY_TWO_SECONDS).status()).isEqualTo(200);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (runCount(server) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }

            JsonNode items = server.get("/api/v1/workflows/default").json().path("items");
            assertThat(items.size()).as(items.toString()).isGreaterThanOrEqualTo(2);
            String first = items.get(items.size() - 1).path("metadata").path("name").asText();
            assertThat(first).matches("often-\\d+");
            assertThat(phase(server.awaitFinished("default", first))).isEqualTo("Succeeded");
        }
    }

    @Test
    void withCronDisabledCronWorkflowsAreKeptButNeverFire() throws Exception {
        ServerConfig off = TestServer.openConfig().withCronTick(Duration.ZERO);
        try (TestServer server = new TestServer(home, new TestStores.Sqlite(), off)) {
            assertThat(server.postYaml("/api/v1/cron-workflows/default", EVERY_TWO_SECONDS).status()).isEqualTo(200);

            Thread.sleep(5000);

            assertThat(runCount(server)).isZero();
            assertThat(server.server.cron()).isEmpty();
            assertThat(server.get("/api/v1/cron-workflows/default/often").status()).isEqualTo(200);
        }
    }
}
