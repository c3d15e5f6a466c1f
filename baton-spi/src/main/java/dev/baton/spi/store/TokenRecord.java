package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as stored: never the token itself, only its SHA-256 digest.
 *
 * @param name      a name people recognise (unique)
 * @param sha256    the lowercase hex SHA-256 digest of the token
 * @param namespace the namespace the token may act in, or {@code *} for every namespace
 * @param role      {@code viewer}, {@code editor} or {@code admin}
 */
public record TokenRecord(String name, String sha256, String namespace, String role, Instant createdAt) {
    public TokenRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
