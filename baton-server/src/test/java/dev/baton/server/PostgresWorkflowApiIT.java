package dev.baton.server;

/** The workflow API on PostgreSQL, a fresh schema per test. */
class PostgresWorkflowApiIT extends WorkflowApiContract {
    @Override
    TestStores stores() {
        return TestStores.Postgres.freshOrSkip();
    }
}
