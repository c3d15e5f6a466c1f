package dev.baton.store.jdbc;

import dev.baton.spi.store.MemoCache;
import dev.baton.spi.store.MemoEntry;
import java.time.Instant;
import java.util.Optional;

/** Memoized outputs keyed by cache name and key. */
final class JdbcMemoCache implements MemoCache {
    private final Connector db;
    private final Dialect dialect;

    JdbcMemoCache(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public Optional<MemoEntry> get(String cacheName, String key) {
        return db.read(c -> Sql.queryOne(c, "SELECT * FROM memo_entries WHERE cache_name = ? AND cache_key = ?",
                ps -> {
                    ps.setString(1, cacheName);
                    ps.setString(2, key);
                }, rs -> new MemoEntry(rs.getString("cache_name"), rs.getString("cache_key"),
                        rs.getString("outputs_json"), rs.getString("node_id"), dialect.getInstant(rs, "created_at"),
                        dialect.getInstant(rs, "last_hit_at"))));
    }

    @Override
    public void put(MemoEntry e) {
        db.write(c -> Sql.update(c, "INSERT INTO memo_entries (cache_name, cache_key, outputs_json, node_id,"
                + " created_at, last_hit_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cache_name, cache_key) DO UPDATE"
                + " SET outputs_json = excluded.outputs_json, node_id = excluded.node_id,"
                + " created_at = excluded.created_at, last_hit_at = excluded.last_hit_at", ps -> {
                    ps.setString(1, e.cacheName());
                    ps.setString(2, e.key());
                    ps.setString(3, e.outputsJson());
                    ps.setString(4, e.nodeId());
                    dialect.setInstant(ps, 5, e.createdAt());
                    dialect.setInstant(ps, 6, e.lastHitAt());
                }));
    }

    @Override
    public boolean touch(String cacheName, String key, Instant at) {
        return db.write(c -> Sql.update(c, "UPDATE memo_entries SET last_hit_at = ? WHERE cache_name = ?"
                + " AND cache_key = ?", ps -> {
                    dialect.setInstant(ps, 1, at);
                    ps.setString(2, cacheName);
                    ps.setString(3, key);
                }) > 0);
    }
}
