package dev.baton.server;

/** Templates and cron workflows on PostgreSQL, a fresh schema per test. */
class PostgresCatalogApiIT extends CatalogApiContract {
    @Override
    TestStores stores() {
        return TestStores.Postgres.freshOrSkip();
    }
}
