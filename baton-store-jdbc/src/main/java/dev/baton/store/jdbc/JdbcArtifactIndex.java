package dev.baton.store.jdbc;

import dev.baton.spi.store.ArtifactIndex;
import dev.baton.spi.store.IndexEntry;
import dev.baton.spi.store.IndexKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Index entries as rows that belong to their run (deleted with it). */
final class JdbcArtifactIndex implements ArtifactIndex {
    private final Connector db;

    JdbcArtifactIndex(Connector db) {
        this.db = db;
    }

    @Override
    public void add(List<IndexEntry> entries) {
        db.write(c -> {
            Sql.batch(c, "INSERT INTO artifact_index (run_uid, node_id, kind, name, digest, size)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_uid, node_id, kind, name)"
                    + " DO UPDATE SET digest = excluded.digest, size = excluded.size", entries, (ps, e) -> {
                        ps.setString(1, e.runUid());
                        ps.setString(2, e.nodeId());
                        ps.setString(3, e.kind().wireName());
                        ps.setString(4, e.name());
                        ps.setString(5, e.digest());
                        ps.setLong(6, e.size());
                    });
            return null;
        });
    }

    @Override
    public List<IndexEntry> list(String runUid) {
        return db.read(c -> Sql.query(c, "SELECT run_uid, node_id, name, kind, digest, size FROM artifact_index"
                + " WHERE run_uid = ? ORDER BY node_id, kind, name", ps -> ps.setString(1, runUid),
                rs -> new IndexEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        IndexKind.fromWireName(rs.getString(4)), rs.getString(5), rs.getLong(6))));
    }

    @Override
    public Set<String> liveDigests() {
        return db.read(c -> new HashSet<>(Sql.query(c, "SELECT DISTINCT digest FROM artifact_index", ps -> { },
                rs -> rs.getString(1))));
    }
}
