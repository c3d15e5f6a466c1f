package dev.baton.server;

/** Templates and cron workflows on SQLite. */
class SqliteCatalogApiIT extends CatalogApiContract {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }
}
