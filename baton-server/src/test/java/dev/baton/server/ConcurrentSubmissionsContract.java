package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A thousand workflows submitted at once through the API: none lost, every one Succeeded. */
abstract class ConcurrentSubmissionsContract {
    private static final int RUNS = 1000;
    private static final int CLIENTS = 32;

    @TempDir
    Path home;
    TestServer server;

    abstract TestStores stores();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(home, stores(), TestServer.openConfig().withLimits(32, 1 << 20,
                Duration.ofSeconds(60)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aThousandConcurrentSubmissionsAllSucceed() throws Exception {
        long start = System.nanoTime();
        List<Future<String>> submitted = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int i = 0; i < RUNS; i++) {
                String name = "burst-" + i;
                submitted.add(clients.submit(() -> {
                    TestServer.Response r = server.postYaml("/api/v1/workflows/load",
                            Workflows.suspend(name, "0", "load"));
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    return r.json().path("metadata").path("name").asText();
                }));
            }
        }
        Set<String> names = new HashSet<>();
        for (Future<String> f : submitted) {
            names.add(f.get());
        }
        assertThat(names).hasSize(RUNS);
        long submittedAt = System.nanoTime();

        Set<String> succeeded = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (succeeded.size() < RUNS && System.nanoTime() < deadline) {
            succeeded.clear();
            String cursor = null;
            do {
                JsonNode page = server.get("/api/v1/workflows/load?phase=Succeeded&listOptions.limit=1000"
                        + (cursor == null ? "" : "&listOptions.continue=" + cursor)).json();
                page.path("items").forEach(i -> succeeded.add(i.path("metadata").path("name").asText()));
                cursor = page.path("metadata").path("continue").asText(null);
            } while (cursor != null);
            Thread.sleep(500);
        }
        System.out.printf("%d submissions in %d ms; all finished %d ms after the last submission%n", RUNS,
                (submittedAt - start) / 1_000_000, (System.nanoTime() - submittedAt) / 1_000_000);

        assertThat(succeeded).isEqualTo(names);
        JsonNode all = server.get("/api/v1/workflows/load?listOptions.limit=1000").json();
        assertThat(all.path("items")).hasSize(RUNS);
        assertThat(all.path("metadata").has("continue")).isFalse();
    }
}
