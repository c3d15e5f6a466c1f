package dev.baton.store.jdbc;

import dev.baton.spi.store.Store;
import dev.baton.testkit.store.StoreContract;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** Runs the store contract against a real PostgreSQL, one fresh schema per test. */
class PostgresStoreIT extends StoreContract {
    private PostgresSettings settings;

    @Override
    protected Store newStore(Path tempDir) {
        settings = TestPostgres.settingsOrSkip().withSchema(TestPostgres.freshSchemaName());
        return JdbcStore.postgres(settings);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (settings != null) {
            store().close();
            TestPostgres.dropSchema(settings, settings.schema());
        }
    }
}
