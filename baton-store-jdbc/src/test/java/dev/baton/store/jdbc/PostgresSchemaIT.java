package dev.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.store.IncompatibleDatabaseException;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStanding;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the PostgreSQL store treats the schema it is given: create, upgrade, or refuse and leave it alone. */
class PostgresSchemaIT {
    private PostgresSettings settings;

    @BeforeEach
    void freshSchema() {
        settings = TestPostgres.settingsOrSkip().withSchema(TestPostgres.freshSchemaName());
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (settings != null) {
            TestPostgres.dropSchema(settings, settings.schema());
        }
    }

    @Test
    void anAbsentSchemaIsCreatedAtTheNewestVersion() throws SQLException {
        JdbcStore.postgres(settings).close();

        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aVersionOneSchemaIsUpgradedKeepingItsRuns() throws SQLException {
        flyway(Dialect.POSTGRES.migrationLocation()).target("1").load().migrate();
        try (Connection c = TestPostgres.connect(settings)) {
            c.createStatement().executeUpdate("INSERT INTO " + table("runs") + " (uid, namespace, name, spec_json,"
                    + " phase, created_at) VALUES ('old', 'ns', 'from-v1', '{}', 'Running', '1970-01-01T00:00:01Z')");
        }

        try (JdbcStore store = JdbcStore.postgres(settings)) {
            RunRecord old = store.runs().findByUid("old").orElseThrow();
            assertThat(old.priority()).isZero();
            assertThat(old.createdAt()).isEqualTo(Instant.ofEpochSecond(1));
        }
        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aVersionFourSchemaIsUpgradedKeepingItsTokensValidAndNamed() throws SQLException {
        flyway(Dialect.POSTGRES.migrationLocation()).target("4").load().migrate();
        try (Connection c = TestPostgres.connect(settings)) {
            c.createStatement().executeUpdate("INSERT INTO " + table("api_tokens") + " (name, sha256, namespace,"
                    + " role, created_at) VALUES ('old-ci', '" + "ab".repeat(32) + "', 'team-a', 'editor',"
                    + " '1970-01-01T00:00:01Z')");
        }

        try (JdbcStore store = JdbcStore.postgres(settings)) {
            TokenRecord old = store.tokens().findByDigest("ab".repeat(32)).orElseThrow();
            assertThat(old.name()).isEqualTo("old-ci");
            assertThat(old.createdAt()).isEqualTo(Instant.ofEpochSecond(1));
            assertThat(old.expiresAt()).isNull();
            assertThat(old.standingAt(Instant.now())).isEqualTo(TokenStanding.ACTIVE);
            assertThat(store.tokens().revoke("old-ci", Instant.now())).isTrue();
        }
        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aSchemaOfANewerBatonIsRefusedAndLeftUntouched() throws SQLException {
        flyway(Dialect.POSTGRES.migrationLocation(), "classpath:db/future/postgres").load().migrate();
        List<String> historyBefore = history();

        assertThatThrownBy(() -> JdbcStore.postgres(settings))
                .isInstanceOf(IncompatibleDatabaseException.class)
                .hasMessageContaining("schema version 99");

        assertThat(history()).isEqualTo(historyBefore);
    }

    @Test
    void aSchemaWithTablesOfAnotherApplicationIsRefused() throws SQLException {
        try (Connection c = TestPostgres.connect(settings)) {
            c.createStatement().execute("CREATE SCHEMA " + Schema.quoteIdentifier(settings.schema()));
            c.createStatement().execute("CREATE TABLE " + table("customers") + " (id INT)");
        }

        assertThatThrownBy(() -> JdbcStore.postgres(settings))
                .isInstanceOf(IncompatibleDatabaseException.class)
                .hasMessageContaining("not a Baton database");
    }

    private FluentConfiguration flyway(String... locations) {
        return Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .schemas(settings.schema()).locations(locations).table(Schema.HISTORY_TABLE).loggers("slf4j");
    }

    private String table(String name) {
        return Schema.quoteIdentifier(settings.schema()) + "." + name;
    }

    private List<String> appliedVersions() throws SQLException {
        try (Connection c = TestPostgres.connect(settings)) {
            return Sql.query(c, "SELECT version FROM " + table(Schema.HISTORY_TABLE)
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank", ps -> { }, rs -> rs.getString(1));
        }
    }

    private List<String> history() throws SQLException {
        try (Connection c = TestPostgres.connect(settings)) {
            return Sql.query(c, "SELECT installed_rank || ' ' || version || ' ' || checksum || ' ' || installed_on"
                    + " FROM " + table(Schema.HISTORY_TABLE) + " ORDER BY installed_rank", ps -> { },
                    rs -> rs.getString(1));
        }
    }
}
