package dev.baton.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerConfig;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists 10,000 stored runs page by page through the server's REST API ({@code GET /api/v1/workflows/{ns}} with
 * {@code listOptions.limit} and {@code listOptions.continue}) and prints the time per page and per full listing.
 * Runs are written straight to the store (finished, with labels), then a real server answers over loopback HTTP.
 * The store is SQLite in a temporary Baton home, or PostgreSQL when {@code BATON_STORE_URL} is set (a fresh
 * schema named {@code baton_bench_*}, left in place for inspection).
 */
public final class ListingBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path home = Files.createTempDirectory("baton-listing-bench");
        String url = System.getenv("BATON_STORE_URL");
        Store store = url == null || url.isBlank() ? JdbcStore.sqlite(home.resolve("baton.db"))
                : JdbcStore.postgres(new PostgresSettings(url, System.getenv().getOrDefault("BATON_STORE_USER",
                "postgres"), System.getenv().getOrDefault("BATON_STORE_PASSWORD", ""),
                "baton_bench_" + UUID.randomUUID().toString().substring(0, 8), 8));
        long seedStart = System.nanoTime();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < runs; i++) {
            Instant created = t0.plusSeconds(i);
            store.runs().create(new RunRecord(UUID.randomUUID().toString(), "bench", "run-" + i, "{}",
                    Map.of("team", i % 2 == 0 ? "a" : "b"), "Succeeded", created, created, created.plusSeconds(1),
                    null, 0, "{}"));
        }
        System.out.printf("seeded %d runs in %d ms (%s)%n", runs, (System.nanoTime() - seedStart) / 1_000_000,
                url == null || url.isBlank() ? "SQLite" : "PostgreSQL");
        ServerConfig config = ServerConfig.defaults().withPort(0).withAuth(false, false);
        try (BatonServer server = BatonServer.start(config, home, store)) {
            HttpClient client = HttpClient.newHttpClient();
            for (int limit : new int[]{100, 1000}) {
                list(client, server.uri(), limit, runs, "");
                List<Long> totals = new ArrayList<>();
                List<Long> pages = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    totals.add(list(client, server.uri(), limit, runs, "") / 1000);
                }
                long perPage = median(totals) / Math.max(1, runs / limit);
                pages.add(perPage);
                System.out.printf("limit %4d: all %d runs in %d ms (median of %d; rounds %s), %.1f ms per page%n",
                        limit, runs, median(totals), rounds, totals, median(totals) / (double) (runs / limit));
            }
            List<Long> filtered = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                filtered.add(list(client, server.uri(), 100, runs / 2,
                        "&phase=Succeeded&listOptions.labelSelector=team=a") / 1000);
            }
            System.out.printf("limit  100, phase and label filter: %d runs in %d ms (median; rounds %s)%n",
                    runs / 2, median(filtered), filtered);
        }
    }

    /** Lists every page; returns the microseconds taken and checks the count. */
    private static long list(HttpClient client, URI base, int limit, int expected, String filter) throws Exception {
        long start = System.nanoTime();
        int seen = 0;
        String cursor = null;
        do {
            String uri = base + "/api/v1/workflows/bench?listOptions.limit=" + limit + filter
                    + (cursor == null ? "" : "&listOptions.continue=" + cursor);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            seen += page.path("items").size();
            cursor = page.path("metadata").path("continue").asText(null);
        } while (cursor != null);
        if (seen != expected) {
            throw new IllegalStateException("listed " + seen + " runs, expected " + expected);
        }
        return (System.nanoTime() - start) / 1000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
