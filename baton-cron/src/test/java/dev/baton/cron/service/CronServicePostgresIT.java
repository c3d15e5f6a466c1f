package dev.baton.cron.service;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;

/**
 * The cron service on PostgreSQL (BATON_TEST_POSTGRES_URL, as {@code .ci/postgres.sh} starts it), one fresh
 * schema per test; the second engine has its own connection pool, as a second process would. Without the
 * database the test fails under CI=true and is skipped, with the reason printed, elsewhere.
 */
class CronServicePostgresIT extends CronServiceContract {
    private PostgresSettings settings;

    @Override
    Store openStore() {
        String url = System.getenv("BATON_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String reason = "BATON_TEST_POSTGRES_URL is not set: start PostgreSQL with `. .ci/postgres.sh`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true, so this is a failure)");
            }
            System.out.println("SKIPPED PostgreSQL cron integration tests: " + reason);
            assumeTrue(false, reason);
        }
        String schema = "baton_cron_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        settings = new PostgresSettings(url, System.getenv().getOrDefault("BATON_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("BATON_TEST_POSTGRES_PASSWORD", ""), schema, 4);
        return JdbcStore.postgres(settings);
    }

    @Override
    Store reopen(Store old) {
        old.close();
        return JdbcStore.postgres(settings);
    }

    @Override
    Store secondEngineStore(Store store) {
        return JdbcStore.postgres(settings);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (settings != null) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS \"" + settings.schema() + "\" CASCADE");
            }
        }
    }
}
