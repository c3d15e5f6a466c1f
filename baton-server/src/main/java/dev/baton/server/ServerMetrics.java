package dev.baton.server;

import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.RunListener;
import dev.baton.model.run.NodeType;
import dev.baton.server.runs.RunExecutor;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.Store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What {@code /metrics} shows, in Prometheus' text format: runs finished by phase, runs executing and queued,
 * step durations as a histogram, and (for a scrape with a token) how long the store takes to answer a small query.
 */
public final class ServerMetrics implements RunListener {
    private static final double[] BUCKETS = {0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800, 3600};
    private final Map<String, AtomicLong> finished = new ConcurrentHashMap<>();
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length + 1);
    private final AtomicLong durationMicros = new AtomicLong();
    private final Set<String> observed = ConcurrentHashMap.newKeySet();

    @Override
    public void updated(RunState state, List<NodeState> changed) {
        String uid = state.context().uid();
        for (NodeState node : changed) {
            if (node.type() == NodeType.Pod && node.startedAt() != null && node.finishedAt() != null
                    && observed.add(uid + "/" + node.id())) {
                observe(Duration.between(node.startedAt(), node.finishedAt()));
            }
        }
        if (state.phase().isFinished()) {
            finished.computeIfAbsent(state.phase().name(), k -> new AtomicLong()).incrementAndGet();
            observed.removeIf(key -> key.startsWith(uid + "/"));
        }
    }

    private void observe(Duration d) {
        double seconds = d.toNanos() / 1e9;
        int i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i]) {
            i++;
        }
        buckets.incrementAndGet(i);
        durationMicros.addAndGet(d.toNanos() / 1000);
    }

    /**
     * The metrics now, as Prometheus text; the store's latency only when {@code store} is given (an authenticated
     * scrape): everything else is counted in memory.
     */
    public String scrape(RunExecutor executor, Optional<Store> store) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP baton_runs_finished_total Runs this server saw reach a final phase since it started.\n");
        out.append("# TYPE baton_runs_finished_total counter\n");
        for (String phase : List.of("Succeeded", "Failed", "Error")) {
            AtomicLong n = finished.get(phase);
            out.append("baton_runs_finished_total{phase=\"").append(phase).append("\"} ")
                    .append(n == null ? 0 : n.get()).append('\n');
        }
        gauge(out, "baton_runs_running", "Runs executing in this server now.", executor.runningCount());
        gauge(out, "baton_runs_queued", "Runs waiting in Pending for a free slot (queue depth).",
                executor.queueDepth());
        out.append("# HELP baton_node_duration_seconds How long steps ran, from start to end.\n");
        out.append("# TYPE baton_node_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= BUCKETS.length; i++) {
            cumulative += buckets.get(i);
            out.append("baton_node_duration_seconds_bucket{le=\"")
                    .append(i < BUCKETS.length ? format(BUCKETS[i]) : "+Inf").append("\"} ").append(cumulative)
                    .append('\n');
        }
        out.append("baton_node_duration_seconds_sum ").append(durationMicros.get() / 1e6).append('\n');
        out.append("baton_node_duration_seconds_count ").append(cumulative).append('\n');
        if (store.isEmpty()) {
            return out.toString();
        }
        long start = System.nanoTime();
        store.get().runs().list(RunQuery.all().limit(1));
        out.append("# HELP baton_store_latency_seconds How long the store took to answer a one-run listing "
                + "during this scrape.\n");
        out.append("# TYPE baton_store_latency_seconds gauge\n");
        out.append("baton_store_latency_seconds ").append((System.nanoTime() - start) / 1e9).append('\n');
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
