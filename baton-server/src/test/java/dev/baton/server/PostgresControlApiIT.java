package dev.baton.server;

/** The control operations on PostgreSQL, a fresh schema per test. */
class PostgresControlApiIT extends ControlApiContract {
    @Override
    TestStores stores() {
        return TestStores.Postgres.freshOrSkip();
    }
}
