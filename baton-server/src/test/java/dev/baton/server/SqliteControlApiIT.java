package dev.baton.server;

/** The control operations on SQLite. */
class SqliteControlApiIT extends ControlApiContract {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }
}
