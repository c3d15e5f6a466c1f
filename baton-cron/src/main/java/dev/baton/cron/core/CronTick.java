package dev.baton.cron.core;

import dev.baton.model.spec.CronWorkflow;
import dev.baton.spi.store.CronStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the decision for one cron workflow depends on.
 *
 * @param cron              the cron workflow as submitted
 * @param rules             its schedules and policies, already read ({@link CronRules#of})
 * @param suspended         whether it is suspended (by {@code spec.suspend} or by the API)
 * @param createdAt         when it was created: no time before it is ever due
 * @param lastScheduledTime the scheduled time of the last run it started, or null
 * @param status            its scheduling status as stored
 * @param consideredSince   the previous tick of this engine, or null on its first tick: times at or before it
 *                          were already decided
 * @param now               the time of this tick
 * @param runs              the runs it started that still exist
 */
public record CronTick(CronWorkflow cron, CronRules rules, boolean suspended, Instant createdAt,
                       Instant lastScheduledTime, CronStatus status, Instant consideredSince, Instant now,
                       List<RunInfo> runs) {

    public CronTick {
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        runs = List.copyOf(runs);
    }
}
