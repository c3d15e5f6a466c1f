package dev.baton.server;

import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stores the API suite runs on: SQLite in the test's Baton home, or a fresh schema of the PostgreSQL named by
 * {@code BATON_TEST_POSTGRES_URL} (the test fails without it under CI=true and is skipped elsewhere).
 */
sealed interface TestStores {
    /** Opens the store (again, after a restart: the same database). */
    Store open(Path home);

    /** Removes what the store left behind. */
    void drop() throws SQLException;

    record Sqlite() implements TestStores {
        @Override
        public Store open(Path home) {
            return JdbcStore.sqlite(home.resolve("baton.db"));
        }

        @Override
        public void drop() {
        }
    }

    record Postgres(PostgresSettings settings) implements TestStores {
        static Postgres freshOrSkip() {
            String url = System.getenv("BATON_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                String reason = "BATON_TEST_POSTGRES_URL is not set: start PostgreSQL with `. .ci/postgres.sh`";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(reason + " (CI=true, so this is a failure)");
                }
                System.out.println("SKIPPED PostgreSQL server tests: " + reason);
                assumeTrue(false, reason);
            }
            String user = System.getenv().getOrDefault("BATON_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("BATON_TEST_POSTGRES_PASSWORD", "");
            String schema = "baton_server_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            return new Postgres(new PostgresSettings(url, user, password, schema, 8));
        }

        @Override
        public Store open(Path home) {
            return JdbcStore.postgres(settings);
        }

        @Override
        public void drop() throws SQLException {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                    settings.password())) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS \"" + settings.schema() + "\" CASCADE");
            }
        }
    }
}
