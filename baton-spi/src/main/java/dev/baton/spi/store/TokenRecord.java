package dev.baton.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as stored: never the token itself, only its SHA-256 digest.
 *
 * @param name       a name people recognise (unique, also after the token is revoked)
 * @param sha256     the lowercase hex SHA-256 digest of the token
 * @param namespace  the namespace the token may act in, or {@code *} for every namespace
 * @param role       {@code viewer}, {@code editor} or {@code admin}
 * @param expiresAt  when the token stops opening the API; null for a token that does not expire
 * @param revokedAt  when the token was revoked; null while it is not
 * @param lastUsedAt when the token last opened the API, to about a minute; null if never
 */
public record TokenRecord(String name, String sha256, String namespace, String role, Instant createdAt,
                          Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    public TokenRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A token that does not expire, never revoked or used. */
    public TokenRecord(String name, String sha256, String namespace, String role, Instant createdAt) {
        this(name, sha256, namespace, role, createdAt, null, null, null);
    }

    /** This token expiring at {@code at} (null: never). */
    public TokenRecord withExpiresAt(Instant at) {
        return new TokenRecord(name, sha256, namespace, role, createdAt, at, revokedAt, lastUsedAt);
    }

    /** This token revoked at {@code at}. */
    public TokenRecord withRevokedAt(Instant at) {
        return new TokenRecord(name, sha256, namespace, role, createdAt, expiresAt, at, lastUsedAt);
    }

    /** This token last used at {@code at}. */
    public TokenRecord withLastUsedAt(Instant at) {
        return new TokenRecord(name, sha256, namespace, role, createdAt, expiresAt, revokedAt, at);
    }

    /** Whether the token opens the API at {@code now}; a revoked token is revoked even once past its expiry. */
    public TokenStanding standingAt(Instant now) {
        if (revokedAt != null) {
            return TokenStanding.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return TokenStanding.EXPIRED;
        }
        return TokenStanding.ACTIVE;
    }
}
