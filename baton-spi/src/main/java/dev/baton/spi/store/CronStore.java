package dev.baton.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CronWorkflows. */
public interface CronStore {

    /**
     * Creates the cron workflow, or updates its yaml and suspended flag keeping its createdAt, lastScheduledTime,
     * status and statusVersion; returns what is stored.
     */
    CronRecord put(CronRecord cron);

    Optional<CronRecord> get(String namespace, String name);

    /** The cron workflows of a namespace (all namespaces if null), ordered by namespace and name. */
    List<CronRecord> list(String namespace);

    boolean delete(String namespace, String name);

    /** Records when the cron workflow last started a run; false if there is no such cron workflow. */
    boolean updateLastScheduled(String namespace, String name, Instant lastScheduledTime);

    /**
     * Writes the scheduling state (last scheduled time and status) only if the stored {@code statusVersion} is
     * still {@code expectedVersion}, and then makes it {@code expectedVersion + 1}: of several engines that read
     * the same version, exactly one succeeds. False if another write came first or there is no such cron workflow.
     * The yaml, suspended flag and createdAt are left as they are.
     */
    boolean updateStatus(String namespace, String name, long expectedVersion, Instant lastScheduledTime,
                         CronStatus status);
}
