package dev.baton.spi.store;

import java.util.List;

/**
 * What a commit stored.
 *
 * @param lastSeq   the sequence number of the run's last event after the commit (0 if the log is empty)
 * @param newOutbox the new outbox entries with the ids the store assigned, in the order given
 */
public record Committed(long lastSeq, List<OutboxEntry> newOutbox) {

    public Committed {
        newOutbox = List.copyOf(newOutbox);
    }
}
