package dev.baton.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.spi.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/** A HikariCP pool, for PostgreSQL: any number of concurrent transactions, row locks do the rest. */
final class PooledConnector extends Connector {
    private final HikariDataSource pool;

    PooledConnector(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    <T> T write(Work<T> work) {
        return withConnection(work);
    }

    @Override
    <T> T read(Work<T> work) {
        return withConnection(work);
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return inTransaction(c, work);
        } catch (SQLException e) {
            throw new StoreException("cannot get a database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
