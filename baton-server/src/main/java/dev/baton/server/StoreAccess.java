package dev.baton.server;

import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;

import java.nio.file.Path;

/**
 * Opens the store the CLI records runs in: SQLite at {@code $BATON_HOME/baton.db} by default, or the
 * PostgreSQL database named by {@code BATON_STORE_URL} ({@code BATON_STORE_USER}, {@code BATON_STORE_PASSWORD}).
 */
public final class StoreAccess {
    private StoreAccess() {
    }

    public static Store open(Path home) {
        return open(home, System.getenv("BATON_STORE_URL"));
    }

    /** The store at {@code url} (a PostgreSQL JDBC URL), or SQLite under {@code home} when it is null or blank. */
    public static Store open(Path home, String url) {
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return JdbcStore.postgres(PostgresSettings.of(url, System.getenv("BATON_STORE_USER"),
                    System.getenv("BATON_STORE_PASSWORD")));
        }
        return JdbcStore.sqlite(home.resolve("baton.db"));
    }

    /** Names this engine process for leases (see {@link EngineOwner}). */
    public static String owner() {
        return EngineOwner.current();
    }
}
