package dev.baton.cron.service;

import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cron service on a SQLite file; a restart reopens the file. A SQLite store keeps the file's write lock for
 * the life of its process, so two engines on one file share one store handle (two engines in one process);
 * engines in separate processes share PostgreSQL ({@link CronServicePostgresIT}).
 */
class CronServiceSqliteTest extends CronServiceContract {
    @TempDir
    Path dir;

    @Override
    Store openStore() {
        return JdbcStore.sqlite(dir.resolve("baton.db"));
    }

    @Override
    Store reopen(Store old) {
        old.close();
        return JdbcStore.sqlite(dir.resolve("baton.db"));
    }

    @Override
    Store secondEngineStore(Store store) {
        return store;
    }
}
