package dev.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.store.IncompatibleDatabaseException;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.MemoEntry;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStanding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the SQLite store treats the file it is given: create, open, upgrade, or refuse and leave it alone. */
class SqliteSchemaTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anAbsentFileIsCreatedAtTheNewestSchema() throws SQLException {
        Path file = dir.resolve("sub/dir/baton.db");

        JdbcStore.sqlite(file).close();

        assertThat(appliedVersions(file)).containsExactly("1", "2", "3", "4", "5");
        assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
    }

    @Test
    void theDatabaseItsLogsAndTheDirectoriesItCreatesArePrivateToTheirUser() throws IOException {
        Path file = dir.resolve("home/baton.db");

        try (JdbcStore store = JdbcStore.sqlite(file)) {
            store.runs().create(run("u1"));
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(Path.of(file + "-wal"))).as("write-ahead log").isEqualTo("rw-------");
            assertThat(mode(Path.of(file + "-shm"))).as("shared memory index").isEqualTo("rw-------");
        }
        assertThat(mode(dir.resolve("home"))).isEqualTo("rwx------");
    }

    @Test
    void aDatabaseLeftReadableByOthersIsNarrowedWhenOpened() throws IOException {
        Path file = dir.resolve("baton.db");
        JdbcStore.sqlite(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        JdbcStore.sqlite(file).close();

        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void anExistingDatabaseIsOpenedWithItsDataAndNotMigratedAgain() throws SQLException {
        Path file = dir.resolve("baton.db");
        try (JdbcStore store = JdbcStore.sqlite(file)) {
            store.runs().create(run("u1"));
        }

        try (JdbcStore store = JdbcStore.sqlite(file)) {
            assertThat(store.runs().findByUid("u1")).isPresent();
        }
        assertThat(appliedVersions(file)).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aDatabaseLeftByACrashOpensWithEveryCommittedRun() throws IOException {
        Path file = dir.resolve("baton.db");
        Path crashed = Files.createDirectories(dir.resolve("crashed")).resolve("baton.db");
        try (JdbcStore store = JdbcStore.sqlite(file)) {
            store.runs().create(run("u1"));
            store.runs().create(run("u2"));
            // What a SIGKILL leaves on disk: the files as they are while the store is open, its last commits
            // still in the write-ahead log, never checkpointed or closed.
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path source = Path.of(file + suffix);
                if (Files.exists(source)) {
                    Files.copy(source, Path.of(crashed + suffix));
                }
            }
        }
        assertThat(Path.of(crashed + "-wal")).as("commits still in the log").exists();

        try (JdbcStore store = JdbcStore.sqlite(crashed)) {
            assertThat(store.runs().findByUid("u1")).isPresent();
            assertThat(store.runs().findByUid("u2")).isPresent();
        }
    }

    @Test
    void aVersionOneDatabaseIsUpgradedKeepingItsRuns() throws SQLException {
        Path file = dir.resolve("baton.db");
        flyway(file, Dialect.SQLITE.migrationLocation()).target("1").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().executeUpdate("INSERT INTO runs (uid, namespace, name, spec_json, phase, created_at)"
                    + " VALUES ('old', 'ns', 'from-v1', '{}', 'Running', 1000000)");
        }
        assertThat(appliedVersions(file)).containsExactly("1");

        try (JdbcStore store = JdbcStore.sqlite(file)) {
            RunRecord old = store.runs().findByUid("old").orElseThrow();
            assertThat(old.priority()).isZero();
            assertThat(old.createdAt()).isEqualTo(Instant.ofEpochSecond(1));
            List<Lease> claimed = store.leases().acquireUnfinished("engine", 5, Duration.ofSeconds(30), T0);
            assertThat(claimed).extracting(Lease::runUid).containsExactly("old");
            store.memoCache().put(new MemoEntry("c", "k", "{}", "n", T0, null));
            assertThat(store.memoCache().get("c", "k")).isPresent();
        }
        assertThat(appliedVersions(file)).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aVersionFourDatabaseIsUpgradedKeepingItsTokensValidAndNamed() throws SQLException {
        Path file = dir.resolve("baton.db");
        flyway(file, Dialect.SQLITE.migrationLocation()).target("4").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().executeUpdate("INSERT INTO api_tokens (name, sha256, namespace, role, created_at)"
                    + " VALUES ('old-ci', '" + "ab".repeat(32) + "', 'team-a', 'editor', 1000000)");
        }
        assertThat(appliedVersions(file)).containsExactly("1", "2", "3", "4");

        try (JdbcStore store = JdbcStore.sqlite(file)) {
            TokenRecord old = store.tokens().findByDigest("ab".repeat(32)).orElseThrow();
            assertThat(old.name()).isEqualTo("old-ci");
            assertThat(old.createdAt()).isEqualTo(Instant.ofEpochSecond(1));
            assertThat(old.expiresAt()).isNull();
            assertThat(old.standingAt(T0)).isEqualTo(TokenStanding.ACTIVE);
            assertThat(store.tokens().revoke("old-ci", T0)).isTrue();
        }
        assertThat(appliedVersions(file)).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aDatabaseOfANewerBatonIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("baton.db");
        flyway(file, Dialect.SQLITE.migrationLocation(), "classpath:db/future/sqlite").load().migrate();
        byte[] before = Files.readAllBytes(file);
        List<Path> filesBefore = listing();

        assertThatThrownBy(() -> JdbcStore.sqlite(file))
                .isInstanceOf(IncompatibleDatabaseException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer")
                .hasMessageContaining("untouched");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(listing()).isEqualTo(filesBefore);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("baton.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> JdbcStore.sqlite(file))
                .isInstanceOf(IncompatibleDatabaseException.class)
                .hasMessageContaining("not a SQLite database");

        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void aDamagedDatabaseIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("baton.db");
        JdbcStore.sqlite(file).close();
        byte[] damaged = Files.readAllBytes(file);
        for (int i = 100; i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }
        Files.write(file, damaged);

        assertThatThrownBy(() -> JdbcStore.sqlite(file))
                .isInstanceOf(IncompatibleDatabaseException.class)
                .hasMessageContaining("untouched");

        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void aSqliteDatabaseOfAnotherApplicationIsRefusedAndLeftUntouched() throws SQLException, IOException {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().executeUpdate("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> JdbcStore.sqlite(file))
                .isInstanceOf(IncompatibleDatabaseException.class)
                .hasMessageContaining("not a Baton database");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void theDefaultFileIsInBatonHome() {
        Path home = Path.of("/home/someone");

        assertThat(JdbcStore.defaultSqliteFile(Map.of("BATON_HOME", "/srv/baton"), home))
                .isEqualTo(Path.of("/srv/baton/baton.db"));
        assertThat(JdbcStore.defaultSqliteFile(Map.of(), home)).isEqualTo(Path.of("/home/someone/.baton/baton.db"));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static RunRecord run(String uid) {
        return new RunRecord(uid, "ns", "wf-" + uid, "{}", Map.of(), "Pending", T0, null, null, null, 0, null);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Path file, String... locations) {
        return Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations(locations)
                .table(Schema.HISTORY_TABLE).loggers("slf4j");
    }

    private static List<String> appliedVersions(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return Sql.query(c, "SELECT version FROM schema_history WHERE success ORDER BY installed_rank",
                    ps -> { }, rs -> rs.getString(1));
        }
    }

    private static String pragma(Path file, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return Sql.queryOne(c, "PRAGMA " + name, ps -> { }, rs -> rs.getString(1)).orElseThrow();
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
