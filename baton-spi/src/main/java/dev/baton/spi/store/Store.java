package dev.baton.spi.store;

/** Everything Baton persists, by concern; closing it releases its connections. */
public interface Store extends AutoCloseable {

    /** Runs as submitted and their snapshot; listing and retention. */
    RunStore runs();

    /** Who owns which run. */
    LeaseStore leases();

    /** Event logs, nodes and outbox of runs, written under a lease. */
    RunLog log();

    /** Versioned WorkflowTemplates and ClusterWorkflowTemplates. */
    TemplateStore templates();

    /** CronWorkflows. */
    CronStore crons();

    /** Which artifacts, logs and spilled values each run's nodes produced. */
    ArtifactIndex artifactIndex();

    /** The memoization cache. */
    MemoCache memoCache();

    /** Mutexes and semaphores of {@code synchronization}. */
    LockStore locks();

    /** API tokens of the server, as digests. */
    TokenStore tokens();

    @Override
    void close();
}
