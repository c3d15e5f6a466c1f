package dev.baton.store.jdbc;

import dev.baton.spi.store.LockStore;
import java.util.List;

/**
 * Semaphores as holder rows. An acquisition first locks the lock's own row, so concurrent acquirers of one
 * lock count its holders one at a time and the limit holds.
 */
final class JdbcLocks implements LockStore {
    private final Connector db;
    private final Dialect dialect;

    JdbcLocks(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public boolean tryAcquire(String lockName, String holder, int limit) {
        return db.write(c -> {
            Sql.update(c, "INSERT INTO sync_locks (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                    ps -> ps.setString(1, lockName));
            Sql.query(c, "SELECT name FROM sync_locks WHERE name = ?" + dialect.forUpdate(),
                    ps -> ps.setString(1, lockName), rs -> rs.getString(1));
            List<String> holders = holders(c, lockName);
            if (holders.contains(holder)) {
                return true;
            }
            if (holders.size() >= limit) {
                return false;
            }
            Sql.update(c, "INSERT INTO sync_holders (lock_name, holder) VALUES (?, ?)", ps -> {
                ps.setString(1, lockName);
                ps.setString(2, holder);
            });
            return true;
        });
    }

    @Override
    public boolean release(String lockName, String holder) {
        return db.write(c -> Sql.update(c, "DELETE FROM sync_holders WHERE lock_name = ? AND holder = ?", ps -> {
            ps.setString(1, lockName);
            ps.setString(2, holder);
        }) > 0);
    }

    @Override
    public List<String> holders(String lockName) {
        return db.read(c -> holders(c, lockName));
    }

    private static List<String> holders(java.sql.Connection c, String lockName) throws java.sql.SQLException {
        return Sql.query(c, "SELECT holder FROM sync_holders WHERE lock_name = ? ORDER BY id",
                ps -> ps.setString(1, lockName), rs -> rs.getString(1));
    }

    @Override
    public int releaseAllHeldBy(String holderPrefix) {
        String pattern = holderPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.write(c -> Sql.update(c, "DELETE FROM sync_holders WHERE holder LIKE ? ESCAPE '\\'",
                ps -> ps.setString(1, pattern)));
    }
}
