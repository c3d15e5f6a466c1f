package dev.baton.spi.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Which runs to list, newest first (createdAt descending, then uid descending).
 *
 * @param namespace     only this namespace, or null for all
 * @param phases        only these phases, or empty for all
 * @param labels        only runs carrying every one of these labels with exactly these values
 * @param createdAfter  only runs created strictly after this instant, or null
 * @param createdBefore only runs created strictly before this instant, or null
 * @param limit         at most this many items per page (1 to {@link #MAX_LIMIT})
 * @param cursor        the {@link Page#nextCursor()} of the previous page, or null for the first page
 */
public record RunQuery(
        String namespace,
        Set<String> phases,
        Map<String, String> labels,
        Instant createdAfter,
        Instant createdBefore,
        int limit,
        String cursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public RunQuery {
        phases = phases == null ? Set.of() : Set.copyOf(phases);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every run, {@link #DEFAULT_LIMIT} per page. */
    public static RunQuery all() {
        return new RunQuery(null, Set.of(), Map.of(), null, null, DEFAULT_LIMIT, null);
    }

    public RunQuery inNamespace(String namespace) {
        return new RunQuery(namespace, phases, labels, createdAfter, createdBefore, limit, cursor);
    }

    public RunQuery withPhases(Set<String> phases) {
        return new RunQuery(namespace, phases, labels, createdAfter, createdBefore, limit, cursor);
    }

    public RunQuery withLabels(Map<String, String> labels) {
        return new RunQuery(namespace, phases, labels, createdAfter, createdBefore, limit, cursor);
    }

    public RunQuery createdBetween(Instant after, Instant before) {
        return new RunQuery(namespace, phases, labels, after, before, limit, cursor);
    }

    public RunQuery limit(int limit) {
        return new RunQuery(namespace, phases, labels, createdAfter, createdBefore, limit, cursor);
    }

    /** The same query continued after the page that returned {@code cursor}. */
    public RunQuery after(String cursor) {
        return new RunQuery(namespace, phases, labels, createdAfter, createdBefore, limit, cursor);
    }
}
