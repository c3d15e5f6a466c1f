package dev.baton.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one commit changes besides appending events: the run's snapshot fields (replaced as given), the nodes
 * that changed (upserted by node id), new outbox entries, and outbox entries whose effects are done (removed).
 */
public record RunProgress(
        String phase,
        Instant startedAt,
        Instant finishedAt,
        String message,
        String statusJson,
        List<NodeRow> changedNodes,
        List<OutboxEntry> newOutbox,
        List<Long> doneOutbox) {

    public RunProgress {
        Objects.requireNonNull(phase, "phase");
        changedNodes = changedNodes == null ? List.of() : List.copyOf(changedNodes);
        newOutbox = newOutbox == null ? List.of() : List.copyOf(newOutbox);
        doneOutbox = doneOutbox == null ? List.of() : List.copyOf(doneOutbox);
    }
}
