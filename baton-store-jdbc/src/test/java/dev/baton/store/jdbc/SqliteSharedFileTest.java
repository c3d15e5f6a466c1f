package dev.baton.store.jdbc;

import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.TokenRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two stores on one SQLite file, as a running server and a {@code baton} command beside it have: an idle store
 * holds no lock, so the other opens and writes at once.
 */
class SqliteSharedFileTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondStoreOpensAndWritesWhileTheFirstIsOpenAfterWriting() {
        Path file = dir.resolve("baton.db");
        try (JdbcStore server = JdbcStore.sqlite(file)) {
            server.runs().create(new RunRecord("u1", "ns", "first", "{}", Map.of(), "Pending", T0, null, null, null,
                    0, null));

            long start = System.nanoTime();
            try (JdbcStore command = JdbcStore.sqlite(file)) {
                command.tokens().create(new TokenRecord("t", "ab".repeat(32), "ns", "viewer", T0));
                assertThat(command.runs().findByUid("u1")).isPresent();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            assertThat(server.tokens().findByDigest("ab".repeat(32))).isPresent();
            server.runs().create(new RunRecord("u2", "ns", "second", "{}", Map.of(), "Pending", T0, null, null,
                    null, 0, null));
            assertThat(server.runs().findByUid("u2")).isPresent();
        }
    }
}
