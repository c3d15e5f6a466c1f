package dev.baton.store.jdbc.bench;

import dev.baton.spi.store.Lease;
import dev.baton.spi.store.NewEvent;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunProgress;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Throughput of group commits (100 node transitions and 100 events per commit) and storage per 10,000 nodes,
 * on SQLite and, when BATON_TEST_POSTGRES_URL is set, PostgreSQL. Not a test: run its main.
 */
public final class StoreBench {
    private static final int NODES_PER_COMMIT = 100;
    private static final int WARMUP_COMMITS = 50;
    private static final int COMMITS = 500;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("baton-bench");
        Path file = dir.resolve("baton.db");
        try (Store sqlite = JdbcStore.sqlite(file)) {
            report("SQLite", sqlite);
        }
        long sqliteBytes = sqliteBytesPer10kNodes(dir.resolve("size.db"));
        System.out.printf("SQLite     bytes per 10,000 nodes (nodes + their 10,000 events, file growth): %,d%n",
                sqliteBytes);

        String url = System.getenv("BATON_TEST_POSTGRES_URL");
        if (url == null) {
            System.out.println("PostgreSQL skipped: BATON_TEST_POSTGRES_URL is not set");
            return;
        }
        PostgresSettings settings = new PostgresSettings(url, "postgres", "", "baton_bench", 8);
        dropSchema(settings);
        try (Store pg = JdbcStore.postgres(settings)) {
            report("PostgreSQL", pg);
        }
        dropSchema(settings);
        try (Store pg = JdbcStore.postgres(settings)) {
            fill(pg, "size", 10_000 / NODES_PER_COMMIT);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long nodes = single(c, "SELECT pg_total_relation_size('baton_bench.run_nodes')");
            long events = single(c, "SELECT pg_total_relation_size('baton_bench.run_events')");
            System.out.printf("PostgreSQL bytes per 10,000 nodes: run_nodes %,d + run_events %,d = %,d (with indexes)%n",
                    nodes, events, nodes + events);
        }
        dropSchema(settings);
    }

    private static void report(String name, Store store) {
        listing(name, store);
        fill(store, "warmup", WARMUP_COMMITS);
        long start = System.nanoTime();
        fill(store, "measured", COMMITS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-10s %d commits of %d node upserts + %d events: %.2f s -> %,.0f commits/s, %,.0f node"
                + " transitions/s%n", name, COMMITS, NODES_PER_COMMIT, NODES_PER_COMMIT, seconds, COMMITS / seconds,
                COMMITS * NODES_PER_COMMIT / seconds);
    }

    /** Pages of 100 out of 10,000 runs: the first, and walking all of them by cursor. */
    private static void listing(String name, Store store) {
        for (int i = 0; i < 10_000; i++) {
            store.runs().create(new RunRecord(String.format("run-%05d", i), i % 10 == 0 ? "team-a" : "team-b",
                    "wf-" + i, "{}", Map.of("app", "app-" + (i % 50)), i % 3 == 0 ? "Succeeded" : "Running",
                    T0.plusMillis(i), null, null, null, 0, null));
        }
        for (int warm = 0; warm < 3; warm++) {
            store.runs().list(RunQuery.all());
        }
        long start = System.nanoTime();
        int pages = 0;
        RunQuery query = RunQuery.all();
        while (true) {
            Page<RunSummary> page = store.runs().list(query);
            pages++;
            if (!page.hasMore()) {
                break;
            }
            query = query.after(page.nextCursor());
        }
        double perPageMs = (System.nanoTime() - start) / 1e6 / pages;
        long filteredStart = System.nanoTime();
        int found = store.runs().list(RunQuery.all().inNamespace("team-a").withPhases(Set.of("Running"))
                .withLabels(Map.of("app", "app-10"))).items().size();
        double filteredMs = (System.nanoTime() - filteredStart) / 1e6;
        System.out.printf("%-10s listing 10,000 runs: %d pages of 100, %.2f ms per page; filtered (namespace + phase"
                + " + label, %d hits) %.2f ms%n", name, pages, perPageMs, found, filteredMs);
    }

    /** One run taken through {@code commits} group commits; node ids cycle over 10,000 so later commits update. */
    private static void fill(Store store, String uid, int commits) {
        store.runs().create(new RunRecord(uid, "bench", uid, "{\"spec\":{}}", Map.of(), "Pending", T0, null, null,
                null, 0, null));
        Lease lease = store.leases().acquire(uid, "bench", Duration.ofMinutes(10), T0).orElseThrow();
        int node = 0;
        for (int commit = 0; commit < commits; commit++) {
            List<NodeRow> nodes = new ArrayList<>(NODES_PER_COMMIT);
            List<NewEvent> events = new ArrayList<>(NODES_PER_COMMIT);
            for (int i = 0; i < NODES_PER_COMMIT; i++, node++) {
                String id = uid + "-" + (node % 10_000);
                String phase = (commit & 1) == 0 ? "Running" : "Succeeded";
                nodes.add(new NodeRow(uid, id, uid + ".step-" + (node % 10_000), "step-" + (node % 10_000), "Pod",
                        phase, T0, null, nodeStatus(id, phase)));
                events.add(new NewEvent("NodeSucceeded", "{\"node\":\"" + id + "\",\"attempt\":1,\"exitCode\":0}",
                        T0.plusMillis(node)));
            }
            store.log().commit(lease, events, new RunProgress("Running", T0, null, null,
                    "{\"phase\":\"Running\",\"progress\":\"" + node + "/10000\"}", nodes, List.of(), List.of()));
        }
    }

    /** About the size of an Argo node status: ~330 bytes of JSON. */
    private static String nodeStatus(String id, String phase) {
        return "{\"id\":\"" + id + "\",\"name\":\"wf." + id + "\",\"displayName\":\"" + id + "\",\"type\":\"Pod\","
                + "\"templateName\":\"work\",\"phase\":\"" + phase + "\",\"boundaryID\":\"wf\","
                + "\"startedAt\":\"2026-03-01T10:00:00Z\",\"finishedAt\":\"2026-03-01T10:00:05Z\","
                + "\"outputs\":{\"parameters\":[{\"name\":\"out\",\"value\":\"42\"}],\"exitCode\":\"0\"},"
                + "\"children\":[\"" + id + "-next\"]}";
    }

    private static long sqliteBytesPer10kNodes(Path file) throws SQLException {
        JdbcStore.sqlite(file).close(); // an empty schema, checkpointed, as the baseline
        long before = file.toFile().length();
        try (Store store = JdbcStore.sqlite(file)) {
            fill(store, "size", 10_000 / NODES_PER_COMMIT);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return file.toFile().length() - before;
    }

    private static void dropSchema(PostgresSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
