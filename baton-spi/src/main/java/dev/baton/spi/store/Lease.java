package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The right of one engine instance to write a run. Every acquisition increments the generation, so a write
 * carrying an older generation is refused ({@link FencedException}).
 */
public record Lease(String runUid, String owner, long generation, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(runUid, "runUid");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
