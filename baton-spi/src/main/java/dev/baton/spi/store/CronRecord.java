package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/** A CronWorkflow as submitted, with its scheduling state. */
public record CronRecord(
        String namespace, String name, String yaml, boolean suspended, Instant lastScheduledTime, Instant createdAt) {

    public CronRecord {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
