package dev.baton.server;

/** The workflow API on SQLite. */
class SqliteWorkflowApiIT extends WorkflowApiContract {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }
}
