package dev.baton.spi.store;

import java.util.List;
import java.util.Optional;

/** API tokens, kept as digests: a token is found by the SHA-256 of what a client presents. */
public interface TokenStore {

    /** Stores a new token; fails with {@link ConflictException} if its name or digest is taken. */
    void create(TokenRecord token);

    /** The token whose digest this is. */
    Optional<TokenRecord> findByDigest(String sha256);

    /** Every token, ordered by name. */
    List<TokenRecord> list();

    /** Revokes the named token; false if there was none. */
    boolean delete(String name);
}
