package dev.baton.cron.schedule;

import com.cronutils.model.time.ExecutionTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A five-field cron expression evaluated in a time zone; the calendar arithmetic, daylight saving time included,
 * is cron-utils' on {@code ZonedDateTime}s. A time that falls in the hour skipped when clocks go forward does not
 * happen that day. When clocks go back, a schedule with fixed hours runs once, at the first of the two
 * occurrences of its wall-clock time (as Vixie cron does); a schedule with {@code *} in its hour field keeps
 * running through the repeated hour.
 *
 * @param fixedHours whether the hour field names hours (no {@code *})
 */
public record CronExpressionSchedule(String text, ExecutionTime times, ZoneId zone, boolean fixedHours)
        implements CronSchedule {

    @Override
    public Optional<Instant> latestDue(Instant anchor, Instant now) {
        // cron-utils answers the last time strictly before its argument; cron times fall on whole minutes, so one
        // second past the truncated "now" includes a time due exactly now
        Instant justAfterNow = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return times.lastExecution(justAfterNow.atZone(zone))
                .map(this::firstOccurrence)
                .filter(t -> t.isAfter(anchor) && !t.isAfter(now));
    }

    private Instant firstOccurrence(ZonedDateTime time) {
        return fixedHours ? time.withEarlierOffsetAtOverlap().toInstant() : time.toInstant();
    }
}
