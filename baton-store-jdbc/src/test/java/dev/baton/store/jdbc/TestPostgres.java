package dev.baton.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL that integration tests use: BATON_TEST_POSTGRES_URL (user postgres, no password unless
 * BATON_TEST_POSTGRES_USER/PASSWORD say otherwise), as {@code .ci/postgres.sh} starts it. Missing, it fails the
 * test under CI=true and skips it, with the reason printed, elsewhere. Each test gets a fresh schema.
 */
final class TestPostgres {
    static final String URL_VARIABLE = "BATON_TEST_POSTGRES_URL";

    private TestPostgres() {
    }

    /** The database's settings, or the test is failed (CI) or skipped (elsewhere). */
    static PostgresSettings settingsOrSkip() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String reason = URL_VARIABLE + " is not set: start PostgreSQL with `. .ci/postgres.sh`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true, so this is a failure)");
            }
            System.out.println("SKIPPED PostgreSQL integration tests: " + reason);
            assumeTrue(false, reason);
        }
        String user = System.getenv().getOrDefault("BATON_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("BATON_TEST_POSTGRES_PASSWORD", "");
        return new PostgresSettings(url, user, password, "public", 8);
    }

    static String freshSchemaName() {
        return "baton_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    static void dropSchema(PostgresSettings settings, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + Schema.quoteIdentifier(schema) + " CASCADE");
        }
    }

    static Connection connect(PostgresSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
