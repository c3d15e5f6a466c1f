package dev.baton.server;

/** A thousand concurrent submissions on PostgreSQL. */
class PostgresConcurrentSubmissionsIT extends ConcurrentSubmissionsContract {
    @Override
    TestStores stores() {
        return TestStores.Postgres.freshOrSkip();
    }
}
