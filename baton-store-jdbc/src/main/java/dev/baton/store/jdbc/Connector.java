package dev.baton.store.jdbc;

import dev.baton.spi.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections, each use inside one transaction that commits on success and rolls back on failure. */
abstract sealed class Connector implements AutoCloseable permits SqliteConnector, PooledConnector {

    /** Work done with a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs a transaction that writes. */
    abstract <T> T write(Work<T> work);

    /** Runs a transaction that only reads (one consistent snapshot). */
    abstract <T> T read(Work<T> work);

    @Override
    public abstract void close();

    /** Runs {@code work} in a transaction on {@code c} (auto-commit off). */
    static <T> T inTransaction(Connection c, Work<T> work) {
        try {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
