package dev.baton.store.jdbc;

import dev.baton.spi.store.FencedException;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.LeaseStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Leases as three columns of {@code runs}; each acquisition is one conditional UPDATE that increments the
 * generation, so two claimers can never both succeed.
 */
final class JdbcLeases implements LeaseStore {
    private final Connector db;
    private final Dialect dialect;

    JdbcLeases(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public Optional<Lease> acquire(String runUid, String owner, Duration ttl, Instant now) {
        Instant expires = micros(now.plus(ttl));
        return db.write(c -> Sql.queryOne(c, "UPDATE runs SET lease_owner = ?, lease_generation = lease_generation + 1,"
                + " lease_expires_at = ? WHERE uid = ? AND (lease_owner IS NULL OR lease_expires_at <= ?)"
                + " RETURNING lease_generation", ps -> {
                    ps.setString(1, owner);
                    dialect.setInstant(ps, 2, expires);
                    ps.setString(3, runUid);
                    dialect.setInstant(ps, 4, now);
                }, rs -> new Lease(runUid, owner, rs.getLong(1), expires)));
    }

    @Override
    public List<Lease> acquireUnfinished(String owner, int limit, Duration ttl, Instant now) {
        Instant expires = micros(now.plus(ttl));
        // PostgreSQL: claimers skip each other's locked candidates; SQLite: the single writer serialises them
        List<Lease> leases = db.write(c -> Sql.query(c, "UPDATE runs SET lease_owner = ?,"
                + " lease_generation = lease_generation + 1, lease_expires_at = ? WHERE uid IN ("
                + "SELECT uid FROM runs WHERE finished_at IS NULL AND (lease_owner IS NULL OR lease_expires_at <= ?)"
                + " ORDER BY priority DESC, created_at, uid LIMIT ?" + dialect.forUpdateSkipLocked() + ")"
                + " RETURNING uid, lease_generation", ps -> {
                    ps.setString(1, owner);
                    dialect.setInstant(ps, 2, expires);
                    dialect.setInstant(ps, 3, now);
                    ps.setInt(4, limit);
                }, rs -> new Lease(rs.getString(1), owner, rs.getLong(2), expires)));
        return leases.stream().sorted(Comparator.comparing(Lease::runUid)).toList();
    }

    @Override
    public Optional<String> holder(String runUid, Instant now) {
        return db.read(c -> Sql.queryOne(c, "SELECT lease_owner FROM runs WHERE uid = ? AND lease_owner IS NOT NULL"
                + " AND lease_expires_at > ?", ps -> {
                    ps.setString(1, runUid);
                    dialect.setInstant(ps, 2, now);
                }, rs -> rs.getString(1)));
    }

    @Override
    public Optional<Lease> takeOver(String runUid, String holder, String owner, Duration ttl, Instant now) {
        Instant expires = micros(now.plus(ttl));
        return db.write(c -> Sql.queryOne(c, "UPDATE runs SET lease_owner = ?, lease_generation = lease_generation + 1,"
                + " lease_expires_at = ? WHERE uid = ? AND lease_owner = ? RETURNING lease_generation", ps -> {
                    ps.setString(1, owner);
                    dialect.setInstant(ps, 2, expires);
                    ps.setString(3, runUid);
                    ps.setString(4, holder);
                }, rs -> new Lease(runUid, owner, rs.getLong(1), expires)));
    }

    @Override
    public Lease renew(Lease lease, Duration ttl, Instant now) {
        Instant expires = micros(now.plus(ttl));
        return db.write(c -> {
            int updated = Sql.update(c, "UPDATE runs SET lease_expires_at = ? WHERE uid = ? AND lease_generation = ?"
                    + " AND lease_owner IS NOT NULL", ps -> {
                        dialect.setInstant(ps, 1, expires);
                        ps.setString(2, lease.runUid());
                        ps.setLong(3, lease.generation());
                    });
            if (updated == 0) {
                throw fenced(c, dialect, lease);
            }
            return new Lease(lease.runUid(), lease.owner(), lease.generation(), expires);
        });
    }

    @Override
    public void release(Lease lease) {
        db.write(c -> Sql.update(c, "UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL"
                + " WHERE uid = ? AND lease_generation = ?", ps -> {
                    ps.setString(1, lease.runUid());
                    ps.setLong(2, lease.generation());
                }));
    }

    /** Explains, from the run's current row, why {@code lease} is no longer current. */
    static FencedException fenced(Connection c, Dialect dialect, Lease lease) throws SQLException {
        Optional<String> state = Sql.queryOne(c, "SELECT lease_generation, lease_owner FROM runs WHERE uid = ?",
                ps -> ps.setString(1, lease.runUid()), rs -> "generation " + rs.getLong(1)
                        + (rs.getString(2) == null ? " and released" : " owned by " + rs.getString(2)));
        return new FencedException(state
                .map(s -> "lease generation " + lease.generation() + " of run " + lease.runUid()
                        + " is stale: the run is at " + s)
                .orElse("run " + lease.runUid() + " no longer exists"));
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
