package dev.baton.store.jdbc;

import dev.baton.spi.store.CronRecord;
import dev.baton.spi.store.CronStatus;
import dev.baton.spi.store.CronStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** CronWorkflows as rows keyed by namespace and name. */
final class JdbcCrons implements CronStore {
    private final Connector db;
    private final Dialect dialect;

    JdbcCrons(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public CronRecord put(CronRecord cron) {
        return db.write(c -> {
            Sql.update(c, "INSERT INTO cron_workflows (namespace, name, yaml, suspended, last_scheduled_at, created_at,"
                    + " active, succeeded, failed, stopped, status_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (namespace, name) DO UPDATE SET yaml = excluded.yaml,"
                    + " suspended = excluded.suspended", ps -> {
                        ps.setString(1, cron.namespace());
                        ps.setString(2, cron.name());
                        ps.setString(3, cron.yaml());
                        ps.setBoolean(4, cron.suspended());
                        dialect.setInstant(ps, 5, cron.lastScheduledTime());
                        dialect.setInstant(ps, 6, cron.createdAt());
                        ps.setString(7, String.join("\n", cron.status().active()));
                        ps.setLong(8, cron.status().succeeded());
                        ps.setLong(9, cron.status().failed());
                        ps.setBoolean(10, cron.status().stopped());
                        ps.setLong(11, cron.statusVersion());
                    });
            return Sql.queryOne(c, "SELECT * FROM cron_workflows WHERE namespace = ? AND name = ?", ps -> {
                ps.setString(1, cron.namespace());
                ps.setString(2, cron.name());
            }, this::record).orElseThrow();
        });
    }

    @Override
    public Optional<CronRecord> get(String namespace, String name) {
        return db.read(c -> Sql.queryOne(c, "SELECT * FROM cron_workflows WHERE namespace = ? AND name = ?", ps -> {
            ps.setString(1, namespace);
            ps.setString(2, name);
        }, this::record));
    }

    @Override
    public List<CronRecord> list(String namespace) {
        return db.read(c -> Sql.query(c, "SELECT * FROM cron_workflows WHERE ? IS NULL OR namespace = ?"
                + " ORDER BY namespace, name", ps -> {
                    ps.setString(1, namespace);
                    ps.setString(2, namespace);
                }, this::record));
    }

    @Override
    public boolean delete(String namespace, String name) {
        return db.write(c -> Sql.update(c, "DELETE FROM cron_workflows WHERE namespace = ? AND name = ?", ps -> {
            ps.setString(1, namespace);
            ps.setString(2, name);
        }) > 0);
    }

    @Override
    public boolean updateLastScheduled(String namespace, String name, Instant lastScheduledTime) {
        return db.write(c -> Sql.update(c, "UPDATE cron_workflows SET last_scheduled_at = ?"
                + " WHERE namespace = ? AND name = ?", ps -> {
                    dialect.setInstant(ps, 1, lastScheduledTime);
                    ps.setString(2, namespace);
                    ps.setString(3, name);
                }) > 0);
    }

    @Override
    public boolean updateStatus(String namespace, String name, long expectedVersion, Instant lastScheduledTime,
                                CronStatus status) {
        return db.write(c -> Sql.update(c, "UPDATE cron_workflows SET last_scheduled_at = ?, active = ?,"
                + " succeeded = ?, failed = ?, stopped = ?, status_version = ?"
                + " WHERE namespace = ? AND name = ? AND status_version = ?", ps -> {
                    dialect.setInstant(ps, 1, lastScheduledTime);
                    ps.setString(2, String.join("\n", status.active()));
                    ps.setLong(3, status.succeeded());
                    ps.setLong(4, status.failed());
                    ps.setBoolean(5, status.stopped());
                    ps.setLong(6, expectedVersion + 1);
                    ps.setString(7, namespace);
                    ps.setString(8, name);
                    ps.setLong(9, expectedVersion);
                }) > 0);
    }

    private CronRecord record(ResultSet rs) throws SQLException {
        String active = rs.getString("active");
        CronStatus status = new CronStatus(active.isEmpty() ? List.of() : Arrays.asList(active.split("\n")),
                rs.getLong("succeeded"), rs.getLong("failed"), rs.getBoolean("stopped"));
        return new CronRecord(rs.getString("namespace"), rs.getString("name"), rs.getString("yaml"),
                rs.getBoolean("suspended"), dialect.getInstant(rs, "last_scheduled_at"),
                dialect.getInstant(rs, "created_at"), status, rs.getLong("status_version"));
    }
}
