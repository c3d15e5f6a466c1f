package dev.baton.store.jdbc;

import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens as rows keyed by name, found by their digest. */
final class JdbcTokens implements TokenStore {
    private final Connector db;
    private final Dialect dialect;

    JdbcTokens(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public void create(TokenRecord token) {
        db.write(c -> {
            try {
                Sql.update(c, "INSERT INTO api_tokens (name, sha256, namespace, role, created_at, expires_at,"
                        + " revoked_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                            ps.setString(1, token.name());
                            ps.setString(2, token.sha256());
                            ps.setString(3, token.namespace());
                            ps.setString(4, token.role());
                            dialect.setInstant(ps, 5, token.createdAt());
                            dialect.setInstant(ps, 6, token.expiresAt());
                            dialect.setInstant(ps, 7, token.revokedAt());
                            dialect.setInstant(ps, 8, token.lastUsedAt());
                        });
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw new ConflictException("a token named '" + token.name() + "' (or with the same digest) "
                            + "already exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<TokenRecord> findByDigest(String sha256) {
        return db.read(c -> Sql.queryOne(c, "SELECT * FROM api_tokens WHERE sha256 = ?",
                ps -> ps.setString(1, sha256), this::record));
    }

    @Override
    public List<TokenRecord> list() {
        return db.read(c -> Sql.query(c, "SELECT * FROM api_tokens ORDER BY name", ps -> { }, this::record));
    }

    @Override
    public boolean revoke(String name, Instant at) {
        return db.write(c -> Sql.update(c, "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                ps -> {
                    dialect.setInstant(ps, 1, at);
                    ps.setString(2, name);
                }) > 0);
    }

    @Override
    public void recordUse(String name, Instant at) {
        db.write(c -> Sql.update(c, "UPDATE api_tokens SET last_used_at = ? WHERE name = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)", ps -> {
                    dialect.setInstant(ps, 1, at);
                    ps.setString(2, name);
                    dialect.setInstant(ps, 3, at);
                }));
    }

    private TokenRecord record(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString("name"), rs.getString("sha256"), rs.getString("namespace"),
                rs.getString("role"), dialect.getInstant(rs, "created_at"), dialect.getInstant(rs, "expires_at"),
                dialect.getInstant(rs, "revoked_at"), dialect.getInstant(rs, "last_used_at"));
    }
}
