package dev.baton.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens, kept as digests: a token is found by the SHA-256 of what a client presents. A revoked token stays
 * listed (and its name taken) so that a client presenting it learns that it was revoked.
 */
public interface TokenStore {

    /** Stores a new token; fails with {@link ConflictException} if its name or digest is taken. */
    void create(TokenRecord token);

    /** The token whose digest this is, revoked and expired ones included. */
    Optional<TokenRecord> findByDigest(String sha256);

    /** Every token, revoked and expired ones included, ordered by name. */
    List<TokenRecord> list();

    /** Revokes the named token at {@code at}; false if there is no such token or it was revoked already. */
    boolean revoke(String name, Instant at);

    /** Records that the named token opened the API at {@code at} (never moves the time back). */
    void recordUse(String name, Instant at);
}
