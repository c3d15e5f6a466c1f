package dev.baton.cron.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code @every <duration>}: due each time the interval has passed since the last scheduled time. */
public record EverySchedule(String text, Duration interval) implements CronSchedule {

    @Override
    public Optional<Instant> latestDue(Instant anchor, Instant now) {
        if (!now.isAfter(anchor)) {
            return Optional.empty();
        }
        long steps = Duration.between(anchor, now).toNanos() / interval.toNanos();
        return steps == 0 ? Optional.empty() : Optional.of(anchor.plus(interval.multipliedBy(steps)));
    }
}
