package dev.baton.store.jdbc;

import dev.baton.spi.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite in WAL mode: one writer connection used by one thread at a time (SQLite has a single writer, and
 * queueing in the JVM is cheaper than busy retries), and a few reader connections that read concurrently.
 */
final class SqliteConnector extends Connector {
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final SQLiteDataSource readSource;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final ReentrantLock readersLock = new ReentrantLock();
    private int openedReaders;
    private volatile boolean closed;

    SqliteConnector(Path file) {
        this.readSource = dataSource(file, SQLiteConfig.TransactionMode.DEFERRED);
        readSource.getConfig().setReadOnly(true);
        try {
            this.writer = dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE).getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The settings every connection to the file gets; IMMEDIATE makes a writer take the write lock at BEGIN. */
    static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(mode);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    @Override
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            // The driver begins the next transaction as soon as one commits; with the IMMEDIATE mode that would
            // hold the file's write lock between writes and lock out every other process (baton list, baton
            // token create beside a server). Autocommit between writes ends that empty transaction.
            writer.setAutoCommit(false);
            try {
                return inTransaction(writer, work);
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("SQLite write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    <T> T read(Work<T> work) {
        Connection reader = borrowReader();
        try {
            return inTransaction(reader, work);
        } finally {
            idleReaders.add(reader);
        }
    }

    private Connection borrowReader() {
        ensureOpen();
        Connection idle = idleReaders.poll();
        if (idle != null) {
            return idle;
        }
        readersLock.lock();
        try {
            if (openedReaders < READERS) {
                Connection c = readSource.getConnection();
                c.setAutoCommit(false);
                openedReaders++;
                return c;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open a SQLite reader: " + e.getMessage(), e);
        } finally {
            readersLock.unlock();
        }
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        writeLock.lock();
        try {
            Connection c;
            while ((c = idleReaders.poll()) != null) {
                closeQuietly(c);
            }
            // the writer closes last, so SQLite checkpoints the WAL into the database file
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing is best effort: the data is committed already
        }
    }
}
