package dev.baton.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.spi.store.ArtifactIndex;
import dev.baton.spi.store.CronStore;
import dev.baton.spi.store.LeaseStore;
import dev.baton.spi.store.LockStore;
import dev.baton.spi.store.MemoCache;
import dev.baton.spi.store.PrivateFiles;
import dev.baton.spi.store.RunLog;
import dev.baton.spi.store.RunStore;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.StoreException;
import dev.baton.spi.store.TemplateStore;
import dev.baton.spi.store.TokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The store on a relational database: SQLite for one machine, PostgreSQL for many engine instances. The two
 * share every statement; they differ only in their {@link Dialect} and migration folders.
 */
public final class JdbcStore implements Store {
    private final Dialect dialect;
    private final Connector db;
    private final JdbcRunStore runs;
    private final JdbcLeases leases;
    private final JdbcRunLog log;
    private final JdbcTemplates templates;
    private final JdbcCrons crons;
    private final JdbcArtifactIndex artifactIndex;
    private final JdbcMemoCache memoCache;
    private final JdbcLocks locks;
    private final JdbcTokens tokens;

    private JdbcStore(Dialect dialect, Connector db) {
        this.dialect = dialect;
        this.db = db;
        this.runs = new JdbcRunStore(db, dialect);
        this.leases = new JdbcLeases(db, dialect);
        this.log = new JdbcRunLog(db, dialect);
        this.templates = new JdbcTemplates(db, dialect);
        this.crons = new JdbcCrons(db, dialect);
        this.artifactIndex = new JdbcArtifactIndex(db);
        this.memoCache = new JdbcMemoCache(db, dialect);
        this.locks = new JdbcLocks(db, dialect);
        this.tokens = new JdbcTokens(db, dialect);
    }

    /**
     * Opens (creating or upgrading it) the SQLite database at {@code file}. Refuses, leaving it untouched, a
     * file that is not a SQLite database or whose schema is newer than this code knows. The file and missing
     * directories above it are created private (0600, 0700); an existing database open to others is narrowed to
     * 0600.
     */
    public static JdbcStore sqlite(Path file) {
        Schema.checkSqliteFile(file);
        try {
            // Made private before the driver opens it: SQLite gives the -wal and -shm files the mode of the
            // database, so the tokens and runs in all three are readable by this user only.
            PrivateFiles.file(file);
            for (String suffix : new String[]{"-wal", "-shm"}) {
                Path companion = Path.of(file + suffix);
                if (Files.exists(companion)) {
                    PrivateFiles.file(companion);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
        Schema.migrate(SqliteConnector.dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE), Dialect.SQLITE, null);
        return new JdbcStore(Dialect.SQLITE, new SqliteConnector(file));
    }

    /** {@code $BATON_HOME/baton.db}, or {@code ~/.baton/baton.db} when BATON_HOME is not set. */
    public static Path defaultSqliteFile(Map<String, String> environment, Path userHome) {
        String home = environment.get("BATON_HOME");
        Path base = home == null || home.isBlank() ? userHome.resolve(".baton") : Path.of(home);
        return base.resolve("baton.db");
    }

    /**
     * Opens (creating or upgrading its tables) the store in a PostgreSQL schema. Refuses, leaving it untouched,
     * a schema holding tables that are not Baton's or a newer Baton schema.
     */
    public static JdbcStore postgres(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("baton-store");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // the driver sets search_path when it connects; the schema may not exist yet (Flyway creates it)
        config.addDataSourceProperty("currentSchema", settings.schema());
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(false);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Schema.checkPostgresSchema(pool, settings.schema());
            Schema.migrate(pool, Dialect.POSTGRES, settings.schema());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStore(Dialect.POSTGRES, new PooledConnector(pool));
    }

    /** Which database this store uses. */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public RunLog log() {
        return log;
    }

    @Override
    public TemplateStore templates() {
        return templates;
    }

    @Override
    public CronStore crons() {
        return crons;
    }

    @Override
    public ArtifactIndex artifactIndex() {
        return artifactIndex;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public MemoCache memoCache() {
        return memoCache;
    }

    @Override
    public LockStore locks() {
        return locks;
    }

    @Override
    public void close() {
        db.close();
    }

}
