package dev.baton.store.jdbc;

import dev.baton.spi.store.Store;
import dev.baton.testkit.store.StoreContract;
import java.nio.file.Path;

/** Runs the store contract against SQLite files. */
class SqliteStoreTest extends StoreContract {

    @Override
    protected Store newStore(Path tempDir) {
        return JdbcStore.sqlite(tempDir.resolve("baton.db"));
    }
}
