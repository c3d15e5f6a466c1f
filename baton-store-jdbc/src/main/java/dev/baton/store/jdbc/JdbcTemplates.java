package dev.baton.store.jdbc;

import dev.baton.spi.store.StoreException;
import dev.baton.spi.store.TemplateKind;
import dev.baton.spi.store.TemplateRecord;
import dev.baton.spi.store.TemplateStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Template revisions as rows keyed by kind, namespace, name and revision. */
final class JdbcTemplates implements TemplateStore {
    private static final int ATTEMPTS = 5;

    private final Connector db;
    private final Dialect dialect;

    JdbcTemplates(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public TemplateRecord put(TemplateKind kind, String namespace, String name, String yaml, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.write(c -> {
                    int revision = Sql.queryOne(c, "SELECT COALESCE(MAX(revision), 0) FROM templates"
                            + " WHERE kind = ? AND namespace = ? AND name = ?", ps -> {
                                ps.setString(1, kind.argoKind());
                                ps.setString(2, namespace);
                                ps.setString(3, name);
                            }, rs -> rs.getInt(1)).orElse(0) + 1;
                    Sql.update(c, "INSERT INTO templates (kind, namespace, name, revision, yaml, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                                ps.setString(1, kind.argoKind());
                                ps.setString(2, namespace);
                                ps.setString(3, name);
                                ps.setInt(4, revision);
                                ps.setString(5, yaml);
                                dialect.setInstant(ps, 6, now);
                            });
                    return new TemplateRecord(namespace, kind, name, revision, yaml, JdbcLeases.micros(now));
                });
            } catch (StoreException e) {
                // two writers read the same latest revision (PostgreSQL): the loser takes the next number
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException s && dialect.isUniqueViolation(s))) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<TemplateRecord> latest(TemplateKind kind, String namespace, String name) {
        return db.read(c -> Sql.queryOne(c, "SELECT * FROM templates WHERE kind = ? AND namespace = ? AND name = ?"
                + " ORDER BY revision DESC LIMIT 1", ps -> {
                    ps.setString(1, kind.argoKind());
                    ps.setString(2, namespace);
                    ps.setString(3, name);
                }, this::record));
    }

    @Override
    public Optional<TemplateRecord> revision(TemplateKind kind, String namespace, String name, int revision) {
        return db.read(c -> Sql.queryOne(c, "SELECT * FROM templates WHERE kind = ? AND namespace = ? AND name = ?"
                + " AND revision = ?", ps -> {
                    ps.setString(1, kind.argoKind());
                    ps.setString(2, namespace);
                    ps.setString(3, name);
                    ps.setInt(4, revision);
                }, this::record));
    }

    @Override
    public List<TemplateRecord> listLatest(TemplateKind kind, String namespace) {
        return db.read(c -> Sql.query(c, "SELECT t.* FROM templates t WHERE t.kind = ? AND t.namespace = ?"
                + " AND t.revision = (SELECT MAX(revision) FROM templates m WHERE m.kind = t.kind"
                + " AND m.namespace = t.namespace AND m.name = t.name) ORDER BY t.name", ps -> {
                    ps.setString(1, kind.argoKind());
                    ps.setString(2, namespace);
                }, this::record));
    }

    @Override
    public boolean delete(TemplateKind kind, String namespace, String name) {
        return db.write(c -> Sql.update(c, "DELETE FROM templates WHERE kind = ? AND namespace = ? AND name = ?",
                ps -> {
                    ps.setString(1, kind.argoKind());
                    ps.setString(2, namespace);
                    ps.setString(3, name);
                }) > 0);
    }

    private TemplateRecord record(ResultSet rs) throws SQLException {
        return new TemplateRecord(rs.getString("namespace"), TemplateKind.fromArgoKind(rs.getString("kind")),
                rs.getString("name"), rs.getInt("revision"), rs.getString("yaml"), dialect.getInstant(rs, "created_at"));
    }
}
