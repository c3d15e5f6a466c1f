package dev.baton.store.jdbc;

import dev.baton.spi.store.Committed;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.NewEvent;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.OutboxEntry;
import dev.baton.spi.store.RunLog;
import dev.baton.spi.store.RunProgress;
import dev.baton.spi.store.StoreException;
import dev.baton.spi.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's event log, nodes and outbox. A commit starts with the fencing UPDATE of the run's row: it both
 * checks the lease generation and reserves the events' sequence numbers, and on PostgreSQL its row lock
 * orders concurrent commits of the same run.
 */
final class JdbcRunLog implements RunLog {
    private static final String UPSERT_NODE = "INSERT INTO run_nodes (run_uid, node_id, name, display_name, type,"
            + " phase, started_at, finished_at, status_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (run_uid, node_id) DO UPDATE SET name = excluded.name,"
            + " display_name = excluded.display_name, type = excluded.type, phase = excluded.phase,"
            + " started_at = excluded.started_at, finished_at = excluded.finished_at,"
            + " status_json = excluded.status_json";

    private final Connector db;
    private final Dialect dialect;

    JdbcRunLog(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public Committed commit(Lease lease, List<NewEvent> events, RunProgress progress) {
        checkBelongs(lease.runUid(), progress);
        return db.write(c -> {
            long lastSeq = fenceAndUpdateRun(c, lease, events.size(), progress);
            appendEvents(c, lease.runUid(), lastSeq - events.size(), events);
            Sql.batch(c, UPSERT_NODE, progress.changedNodes(), this::bindNode);
            List<OutboxEntry> added = new ArrayList<>();
            for (OutboxEntry o : progress.newOutbox()) {
                long id = Sql.queryOne(c, "INSERT INTO run_outbox (run_uid, kind, payload_json) VALUES (?, ?, ?)"
                        + " RETURNING id", ps -> {
                            ps.setString(1, o.runUid());
                            ps.setString(2, o.kind());
                            ps.setString(3, o.payloadJson());
                        }, rs -> rs.getLong(1)).orElseThrow();
                added.add(new OutboxEntry(id, o.runUid(), o.kind(), o.payloadJson()));
            }
            Sql.batch(c, "DELETE FROM run_outbox WHERE run_uid = ? AND id = ?", progress.doneOutbox(), (ps, id) -> {
                ps.setString(1, lease.runUid());
                ps.setLong(2, id);
            });
            return new Committed(lastSeq, added);
        });
    }

    /** Updates the run's row if the lease is current and returns its new last sequence number; else fenced. */
    private long fenceAndUpdateRun(Connection c, Lease lease, int eventCount, RunProgress p) throws SQLException {
        return Sql.queryOne(c, "UPDATE runs SET phase = ?, started_at = ?, finished_at = ?, message = ?,"
                + " status_json = ?, last_seq = last_seq + ? WHERE uid = ? AND lease_generation = ?"
                + " AND lease_owner IS NOT NULL RETURNING last_seq", ps -> {
                    ps.setString(1, p.phase());
                    dialect.setInstant(ps, 2, p.startedAt());
                    dialect.setInstant(ps, 3, p.finishedAt());
                    ps.setString(4, p.message());
                    ps.setString(5, p.statusJson());
                    ps.setInt(6, eventCount);
                    ps.setString(7, lease.runUid());
                    ps.setLong(8, lease.generation());
                }, rs -> rs.getLong(1))
                .orElseThrow(() -> fenced(c, lease));
    }

    private RuntimeException fenced(Connection c, Lease lease) {
        try {
            return JdbcLeases.fenced(c, dialect, lease);
        } catch (SQLException e) {
            return new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    private void appendEvents(Connection c, String runUid, long afterSeq, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_events (run_uid, seq, type, payload_json,"
                + " occurred_at) VALUES (?, ?, ?, ?, ?)")) {
            long seq = afterSeq;
            for (NewEvent e : events) {
                ps.setString(1, runUid);
                ps.setLong(2, ++seq);
                ps.setString(3, e.type());
                ps.setString(4, e.payloadJson());
                dialect.setInstant(ps, 5, e.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void bindNode(PreparedStatement ps, NodeRow n) throws SQLException {
        ps.setString(1, n.runUid());
        ps.setString(2, n.nodeId());
        ps.setString(3, n.name());
        ps.setString(4, n.displayName());
        ps.setString(5, n.type());
        ps.setString(6, n.phase());
        dialect.setInstant(ps, 7, n.startedAt());
        dialect.setInstant(ps, 8, n.finishedAt());
        ps.setString(9, n.statusJson());
    }

    private static void checkBelongs(String runUid, RunProgress progress) {
        for (NodeRow n : progress.changedNodes()) {
            if (!n.runUid().equals(runUid)) {
                throw new StoreException("node " + n.nodeId() + " belongs to run " + n.runUid() + ", not " + runUid);
            }
        }
        for (OutboxEntry o : progress.newOutbox()) {
            if (!o.runUid().equals(runUid)) {
                throw new StoreException("outbox entry belongs to run " + o.runUid() + ", not " + runUid);
            }
        }
    }

    @Override
    public List<StoredEvent> events(String runUid, long afterSeq) {
        return db.read(c -> Sql.query(c, "SELECT seq, type, payload_json, occurred_at FROM run_events"
                + " WHERE run_uid = ? AND seq > ? ORDER BY seq", ps -> {
                    ps.setString(1, runUid);
                    ps.setLong(2, afterSeq);
                }, rs -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        dialect.getInstant(rs, "occurred_at"))));
    }

    @Override
    public List<NodeRow> nodes(String runUid) {
        return db.read(c -> Sql.query(c, "SELECT * FROM run_nodes WHERE run_uid = ? ORDER BY node_id",
                ps -> ps.setString(1, runUid), this::node));
    }

    private NodeRow node(ResultSet rs) throws SQLException {
        return new NodeRow(rs.getString("run_uid"), rs.getString("node_id"), rs.getString("name"),
                rs.getString("display_name"), rs.getString("type"), rs.getString("phase"),
                dialect.getInstant(rs, "started_at"), dialect.getInstant(rs, "finished_at"),
                rs.getString("status_json"));
    }

    @Override
    public List<OutboxEntry> pendingOutbox(String runUid) {
        return db.read(c -> Sql.query(c, "SELECT id, run_uid, kind, payload_json FROM run_outbox WHERE run_uid = ?"
                + " ORDER BY id", ps -> ps.setString(1, runUid),
                rs -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))));
    }
}
