package dev.baton.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CronWorkflows. */
public interface CronStore {

    /**
     * Creates the cron workflow, or updates its yaml and suspended flag keeping its createdAt and
     * lastScheduledTime; returns what is stored.
     */
    CronRecord put(CronRecord cron);

    Optional<CronRecord> get(String namespace, String name);

    /** The cron workflows of a namespace (all namespaces if null), ordered by namespace and name. */
    List<CronRecord> list(String namespace);

    boolean delete(String namespace, String name);

    /** Records when the cron workflow last started a run; false if there is no such cron workflow. */
    boolean updateLastScheduled(String namespace, String name, Instant lastScheduledTime);
}
