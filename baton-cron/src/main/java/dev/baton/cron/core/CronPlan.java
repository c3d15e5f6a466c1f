package dev.baton.cron.core;

import dev.baton.spi.store.CronStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decision for one cron workflow at one tick: its new scheduling state, what to do about its schedule, and
 * which finished runs fall out of its history limits and are to be deleted.
 */
public record CronPlan(Instant lastScheduledTime, CronStatus status, Scheduling scheduling, List<String> deletions,
                       boolean stateChanged) {

    public CronPlan {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheduling, "scheduling");
        deletions = List.copyOf(deletions);
    }
}
