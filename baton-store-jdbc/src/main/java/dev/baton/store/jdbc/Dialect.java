package dev.baton.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Everything in which SQLite and PostgreSQL differ for this store, apart from their migration folders. All
 * SQL outside this type is shared.
 */
public enum Dialect {
    /** Embedded: instants are epoch microseconds in INTEGER columns; writes are serialised by one connection. */
    SQLITE("sqlite") {
        @Override
        void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.BIGINT);
            } else {
                ps.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
            }
        }

        @Override
        Instant getInstant(ResultSet rs, String column) throws SQLException {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }

        @Override
        String forUpdate() {
            return "";
        }

        @Override
        String forUpdateSkipLocked() {
            return "";
        }

        @Override
        String noLimit() {
            return "LIMIT -1";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e instanceof SQLiteException s
                    && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                            || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
        }
    },

    /** Shared: instants are TIMESTAMPTZ; claimers skip rows another transaction has locked. */
    POSTGRES("postgres") {
        @Override
        void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                // truncate: the driver would round nanoseconds to the nearest microsecond
                ps.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            }
        }

        @Override
        Instant getInstant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        @Override
        String forUpdate() {
            return " FOR UPDATE";
        }

        @Override
        String forUpdateSkipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        String noLimit() {
            return "LIMIT ALL";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    };

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Where this dialect's Flyway migrations are on the class path. */
    String migrationLocation() {
        return "classpath:db/migration/" + folder;
    }

    /** Binds an instant (or SQL NULL), to the microsecond. */
    abstract void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException;

    abstract Instant getInstant(ResultSet rs, String column) throws SQLException;

    /** The clause that locks selected rows until commit (SQLite needs none: it has one writer). */
    abstract String forUpdate();

    /** The clause that locks selected rows and skips those another transaction holds. */
    abstract String forUpdateSkipLocked();

    /** A LIMIT that admits every row, so an OFFSET may follow. */
    abstract String noLimit();

    /** Whether the failure is a unique or primary key violation. */
    abstract boolean isUniqueViolation(SQLException e);
}
