package dev.baton.store.jdbc;

import dev.baton.spi.store.RunCursor;
import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.RunStore;
import dev.baton.spi.store.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs as rows of {@code runs} with their labels in {@code run_labels}. */
final class JdbcRunStore implements RunStore {
    private static final String SUMMARY_COLUMNS =
            "uid, namespace, name, phase, created_at, started_at, finished_at, message, priority";
    private static final String RECORD_COLUMNS = SUMMARY_COLUMNS + ", spec_json, status_json";

    private final Connector db;
    private final Dialect dialect;

    JdbcRunStore(Connector db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public void create(RunRecord run) {
        db.write(c -> {
            try {
                Sql.update(c, "INSERT INTO runs (uid, namespace, name, spec_json, phase, created_at, started_at,"
                        + " finished_at, message, priority, status_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                            ps.setString(1, run.uid());
                            ps.setString(2, run.namespace());
                            ps.setString(3, run.name());
                            ps.setString(4, run.specJson());
                            ps.setString(5, run.phase());
                            dialect.setInstant(ps, 6, run.createdAt());
                            dialect.setInstant(ps, 7, run.startedAt());
                            dialect.setInstant(ps, 8, run.finishedAt());
                            ps.setString(9, run.message());
                            ps.setInt(10, run.priority());
                            ps.setString(11, run.statusJson());
                        });
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw new ConflictException("a run named '" + run.name() + "' already exists in namespace '"
                            + run.namespace() + "' (or uid " + run.uid() + " is taken)");
                }
                throw e;
            }
            Sql.batch(c, "INSERT INTO run_labels (run_uid, label_key, label_value) VALUES (?, ?, ?)",
                    List.copyOf(run.labels().entrySet()), (ps, label) -> {
                        ps.setString(1, run.uid());
                        ps.setString(2, label.getKey());
                        ps.setString(3, label.getValue());
                    });
            return null;
        });
    }

    @Override
    public Optional<RunRecord> find(String namespace, String name) {
        return db.read(c -> withLabels(c, Sql.queryOne(c, "SELECT " + RECORD_COLUMNS
                + " FROM runs WHERE namespace = ? AND name = ?", ps -> {
                    ps.setString(1, namespace);
                    ps.setString(2, name);
                }, this::record)));
    }

    @Override
    public Optional<RunRecord> findByUid(String uid) {
        return db.read(c -> withLabels(c, Sql.queryOne(c, "SELECT " + RECORD_COLUMNS + " FROM runs WHERE uid = ?",
                ps -> ps.setString(1, uid), this::record)));
    }

    private Optional<RunRecord> withLabels(Connection c, Optional<RunRecord> found) throws SQLException {
        if (found.isEmpty()) {
            return found;
        }
        RunRecord r = found.get();
        Map<String, String> labels = labels(c, List.of(r.uid())).getOrDefault(r.uid(), Map.of());
        return Optional.of(new RunRecord(r.uid(), r.namespace(), r.name(), r.specJson(), labels, r.phase(),
                r.createdAt(), r.startedAt(), r.finishedAt(), r.message(), r.priority(), r.statusJson()));
    }

    private RunRecord record(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString("uid"), rs.getString("namespace"), rs.getString("name"),
                rs.getString("spec_json"), Map.of(), rs.getString("phase"), dialect.getInstant(rs, "created_at"),
                dialect.getInstant(rs, "started_at"), dialect.getInstant(rs, "finished_at"), rs.getString("message"),
                rs.getInt("priority"), rs.getString("status_json"));
    }

    private RunSummary summary(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getString("uid"), rs.getString("namespace"), rs.getString("name"), Map.of(),
                rs.getString("phase"), dialect.getInstant(rs, "created_at"), dialect.getInstant(rs, "started_at"),
                dialect.getInstant(rs, "finished_at"), rs.getString("message"), rs.getInt("priority"));
    }

    private static Map<String, Map<String, String>> labels(Connection c, List<String> uids) throws SQLException {
        Map<String, Map<String, String>> byRun = new HashMap<>();
        if (uids.isEmpty()) {
            return byRun;
        }
        Sql.query(c, "SELECT run_uid, label_key, label_value FROM run_labels WHERE run_uid IN ("
                + Sql.placeholders(uids.size()) + ")", ps -> {
                    for (int i = 0; i < uids.size(); i++) {
                        ps.setString(i + 1, uids.get(i));
                    }
                }, rs -> byRun.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getString(3)));
        return byRun;
    }

    @Override
    public Page<RunSummary> list(RunQuery query) {
        RunCursor after = RunCursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM runs r WHERE 1 = 1");
        List<Binding> bindings = new ArrayList<>();
        if (query.namespace() != null) {
            sql.append(" AND namespace = ?");
            bindings.add((ps, i) -> ps.setString(i, query.namespace()));
        }
        if (!query.phases().isEmpty()) {
            sql.append(" AND phase IN (").append(Sql.placeholders(query.phases().size())).append(')');
            query.phases().stream().sorted().forEach(p -> bindings.add((ps, i) -> ps.setString(i, p)));
        }
        query.labels().forEach((key, value) -> {
            sql.append(" AND EXISTS (SELECT 1 FROM run_labels l WHERE l.run_uid = r.uid"
                    + " AND l.label_key = ? AND l.label_value = ?)");
            bindings.add((ps, i) -> ps.setString(i, key));
            bindings.add((ps, i) -> ps.setString(i, value));
        });
        if (query.createdAfter() != null) {
            sql.append(" AND created_at > ?");
            bindings.add((ps, i) -> dialect.setInstant(ps, i, query.createdAfter()));
        }
        if (query.createdBefore() != null) {
            sql.append(" AND created_at < ?");
            bindings.add((ps, i) -> dialect.setInstant(ps, i, query.createdBefore()));
        }
        if (after != null) {
            // a row-value comparison, which both databases answer from the (created_at DESC, uid DESC) indexes
            sql.append(" AND (created_at, uid) < (?, ?)");
            bindings.add((ps, i) -> dialect.setInstant(ps, i, after.createdAt()));
            bindings.add((ps, i) -> ps.setString(i, after.uid()));
        }
        sql.append(" ORDER BY created_at DESC, uid DESC LIMIT ?");
        bindings.add((ps, i) -> ps.setInt(i, query.limit() + 1));

        return db.read(c -> {
            List<RunSummary> rows = Sql.query(c, sql.toString(), ps -> {
                for (int i = 0; i < bindings.size(); i++) {
                    bindings.get(i).bind(ps, i + 1);
                }
            }, this::summary);
            boolean more = rows.size() > query.limit();
            List<RunSummary> items = more ? rows.subList(0, query.limit()) : rows;
            Map<String, Map<String, String>> labels = labels(c, items.stream().map(RunSummary::uid).toList());
            List<RunSummary> labelled = items.stream().map(s -> new RunSummary(s.uid(), s.namespace(), s.name(),
                    labels.getOrDefault(s.uid(), Map.of()), s.phase(), s.createdAt(), s.startedAt(), s.finishedAt(),
                    s.message(), s.priority())).toList();
            String next = more ? new RunCursor(items.getLast().createdAt(), items.getLast().uid()).encode() : null;
            return new Page<>(labelled, next);
        });
    }

    /** Binds one parameter at a position decided later. */
    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    @Override
    public boolean delete(String uid) {
        // events, nodes, outbox, labels and index entries go with the run (ON DELETE CASCADE)
        return db.write(c -> Sql.update(c, "DELETE FROM runs WHERE uid = ?", ps -> ps.setString(1, uid)) > 0);
    }

    @Override
    public List<String> finishedRunsOlderThan(Instant cutoff) {
        return db.read(c -> Sql.query(c, "SELECT uid FROM runs WHERE finished_at IS NOT NULL AND finished_at < ?"
                + " ORDER BY finished_at, uid", ps -> dialect.setInstant(ps, 1, cutoff), rs -> rs.getString(1)));
    }

    @Override
    public List<String> finishedRunsBeyondNewest(int keep) {
        List<String> newestFirst = db.read(c -> Sql.query(c, "SELECT uid FROM runs WHERE finished_at IS NOT NULL"
                + " ORDER BY finished_at DESC, uid DESC " + dialect.noLimit() + " OFFSET ?",
                ps -> ps.setInt(1, keep), rs -> rs.getString(1)));
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
