package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A CronWorkflow as submitted, with its scheduling state. {@code statusVersion} grows by one each time the
 * scheduling state is written through {@link CronStore#updateStatus}, which compares it to decide who wins.
 */
public record CronRecord(
        String namespace, String name, String yaml, boolean suspended, Instant lastScheduledTime, Instant createdAt,
        CronStatus status, long statusVersion) {

    public CronRecord {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    /** A cron workflow with no scheduling status yet. */
    public CronRecord(String namespace, String name, String yaml, boolean suspended, Instant lastScheduledTime,
                      Instant createdAt) {
        this(namespace, name, yaml, suspended, lastScheduledTime, createdAt, CronStatus.NONE, 0);
    }
}
