package dev.baton.server;

/** A thousand concurrent submissions on SQLite. */
class SqliteConcurrentSubmissionsIT extends ConcurrentSubmissionsContract {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }
}
