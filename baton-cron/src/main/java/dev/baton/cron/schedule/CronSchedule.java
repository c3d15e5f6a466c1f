package dev.baton.cron.schedule;

import java.time.Instant;
import java.util.Optional;

/** One entry of a cron workflow's {@code schedules}: the times it is due. */
public sealed interface CronSchedule permits CronExpressionSchedule, EverySchedule {

    /**
     * The latest time this schedule is due that is after {@code anchor} and not after {@code now}, if any.
     * {@code anchor} is the cron workflow's last scheduled time (or its creation); fixed calendars ignore it
     * except as a lower bound, {@code @every} counts its intervals from it.
     */
    Optional<Instant> latestDue(Instant anchor, Instant now);

    /** The schedule as written, for messages. */
    String text();
}
