package dev.baton.server;

/** Cron workflows on the server, on PostgreSQL, a fresh schema per test. */
class PostgresCronApiIT extends CronApiContract {
    @Override
    TestStores stores() {
        return TestStores.Postgres.freshOrSkip();
    }
}
