package dev.baton.store.jdbc;

import dev.baton.spi.store.IncompatibleDatabaseException;
import dev.baton.spi.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * Brings a database to the schema this code knows, with Flyway, after checking, read-only, that it is safe:
 * a database that is not one of ours, or whose schema is newer than {@link #VERSION}, is refused untouched.
 */
final class Schema {
    /** The newest migration in {@code db/migration/<dialect>}. */
    static final int VERSION = 5;
    static final String HISTORY_TABLE = "schema_history";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private Schema() {
    }

    /** Refuses the file unless it is absent, empty, or a SQLite database of a schema we know; reads only. */
    static void checkSqliteFile(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            byte[] header = new byte[SQLITE_HEADER.length];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(header, 0, header.length);
            }
            if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new IncompatibleDatabaseException(file + " is not a SQLite database (it does not start with the"
                        + " SQLite header); it was left untouched. Move it away, or point BATON_HOME elsewhere.");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            checkVersion(c, file.toString(), "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite%'", HISTORY_TABLE);
        } catch (SQLException e) {
            throw new IncompatibleDatabaseException(file + " cannot be read as a SQLite database (" + e.getMessage()
                    + "); it was left untouched. Restore it from a backup or move it away.", e);
        }
    }

    /** Refuses the PostgreSQL schema if it holds foreign tables or a newer Baton schema; reads only. */
    static void checkPostgresSchema(DataSource source, String schema) {
        try (Connection c = source.getConnection()) {
            try {
                checkVersion(c, "schema " + schema, "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = '" + schema.replace("'", "''") + "'",
                        quoteIdentifier(schema) + "." + HISTORY_TABLE);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot inspect PostgreSQL schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static void checkVersion(Connection c, String where, String listTables, String historyTable)
            throws SQLException {
        List<String> tables = Sql.query(c, listTables, ps -> { }, rs -> rs.getString(1));
        if (tables.isEmpty()) {
            return;
        }
        if (!tables.contains(HISTORY_TABLE)) {
            throw new IncompatibleDatabaseException(where + " holds tables but no " + HISTORY_TABLE
                    + ": it is not a Baton database; it was left untouched. Use an empty database.");
        }
        List<String> versions = Sql.query(c, "SELECT version FROM " + historyTable
                + " WHERE success AND version IS NOT NULL", ps -> { }, rs -> rs.getString(1));
        int newest = 0;
        for (String v : versions) {
            try {
                newest = Math.max(newest, Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                throw new IncompatibleDatabaseException(where + " has schema version '" + v
                        + "', which this version of Baton does not know; it was left untouched.");
            }
        }
        if (newest > VERSION) {
            throw new IncompatibleDatabaseException(where + " has schema version " + newest
                    + ", newer than the version " + VERSION + " this Baton knows: it was written by a newer Baton."
                    + " It was left untouched; upgrade Baton to open it.");
        }
    }

    /** Applies the migrations this database lacks. */
    static void migrate(DataSource source, Dialect dialect, String schema) {
        var config = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(source)
                .locations(dialect.migrationLocation())
                .table(HISTORY_TABLE)
                .loggers("slf4j")  // like HikariCP: silent until the application provides an SLF4J binding
                .ignoreMigrationPatterns(new String[0])  // a migration we do not know is an error, never skipped
                .validateMigrationNaming(true)
                .cleanDisabled(true);
        if (schema != null) {
            config = config.schemas(schema).createSchemas(true);
        }
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the " + dialect + " database to schema " + VERSION + ": "
                    + e.getMessage(), e);
        }
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
