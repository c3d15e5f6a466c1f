package dev.baton.store.jdbc;

import java.util.Objects;

/**
 * Where the PostgreSQL store lives.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/baton}
 * @param schema   the schema holding Baton's tables (created if absent), e.g. {@code public}
 * @param poolSize the most connections the store opens
 */
public record PostgresSettings(String jdbcUrl, String user, String password, String schema, int poolSize) {

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(schema, "schema");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    /** The schema {@code public} and a pool of 10 connections. */
    public static PostgresSettings of(String jdbcUrl, String user, String password) {
        return new PostgresSettings(jdbcUrl, user, password, "public", 10);
    }

    public PostgresSettings withSchema(String schema) {
        return new PostgresSettings(jdbcUrl, user, password, schema, poolSize);
    }
}
