package dev.baton.server;

import dev.baton.spi.store.Store;
import dev.baton.store.jdbc.JdbcStore;
import dev.baton.store.jdbc.PostgresSettings;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.UUID;

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

    /** Names this engine process for leases: host, process id and a random part. */
    public static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
