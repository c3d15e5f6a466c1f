package dev.baton.store.jdbc;

import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStore;

import java.sql.ResultSet;
import java.sql.SQLException;
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
                Sql.update(c, "INSERT INTO api_tokens (name, sha256, namespace, role, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", ps -> {
                            ps.setString(1, token.name());
                            ps.setString(2, token.sha256());
                            ps.setString(3, token.namespace());
                            ps.setString(4, token.role());
                            dialect.setInstant(ps, 5, token.createdAt());
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
    public boolean delete(String name) {
        return db.write(c -> Sql.update(c, "DELETE FROM api_tokens WHERE name = ?", ps -> ps.setString(1, name)) > 0);
    }

    private TokenRecord record(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString("name"), rs.getString("sha256"), rs.getString("namespace"),
                rs.getString("role"), dialect.getInstant(rs, "created_at"));
    }
}
