package dev.baton.server;

/** Cron workflows on the server, on SQLite. */
class SqliteCronApiIT extends CronApiContract {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }
}
