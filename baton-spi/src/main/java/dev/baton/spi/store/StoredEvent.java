package dev.baton.spi.store;

import java.time.Instant;

/** An event of a run's log with its sequence number (1, 2, 3, … per run, without gaps). */
public record StoredEvent(long seq, String type, String payloadJson, Instant at) {
}
