package dev.baton.cron.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.baton.model.spec.GoDuration;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Reads schedules as robfig/cron's standard parser (which Argo uses) accepts them: five fields (minute, hour,
 * day of month, month, day of week, with names, ranges, steps and {@code ?}), an optional {@code CRON_TZ=} or
 * {@code TZ=} prefix, the descriptors {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}
 * and {@code @every <duration>}. Use one instance per thread: cron-utils' parser promises no thread safety.
 */
public final class ScheduleParser {

    private static final CronDefinition UNIX = CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX);
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final CronParser parser = new CronParser(UNIX);

    /** The schedule, or a {@link ScheduleException} whose message says what is wrong with it (without its path). */
    public CronSchedule parse(String text, ZoneId zone) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            throw new ScheduleException("empty schedule");
        }
        if (rest.startsWith("CRON_TZ=") || rest.startsWith("TZ=")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new ScheduleException("'" + text + "' names a time zone but no schedule");
            }
            zone = zone(rest.substring(rest.indexOf('=') + 1, space));
            rest = rest.substring(space + 1).strip();
        }
        if (rest.startsWith("@every")) {
            return every(text, rest.substring("@every".length()).strip());
        }
        if (rest.startsWith("@")) {
            String fields = DESCRIPTORS.get(rest.toLowerCase(Locale.ROOT));
            if (fields == null) {
                throw new ScheduleException("unknown descriptor '" + rest + "' (use @yearly, @annually, @monthly,"
                        + " @weekly, @daily, @midnight, @hourly or @every <duration>)");
            }
            rest = fields;
        }
        String[] fields = rest.split("\\s+");
        if (fields.length != 5) {
            throw new ScheduleException("'" + text + "' has " + fields.length + " fields; a schedule has 5"
                    + " (minute hour day-of-month month day-of-week)");
        }
        // robfig reads '?' in the day fields as '*'; cron-utils' Unix definition does not know it
        fields[2] = "?".equals(fields[2]) ? "*" : fields[2];
        fields[4] = "?".equals(fields[4]) ? "*" : fields[4];
        try {
            return new CronExpressionSchedule(text, ExecutionTime.forCron(parser.parse(String.join(" ", fields))), zone,
                    !fields[1].contains("*"));
        } catch (IllegalArgumentException e) {
            throw new ScheduleException("'" + text + "' is not a valid cron expression: " + e.getMessage());
        }
    }

    /** An IANA time zone (or {@code UTC}, or a fixed offset); a clear error for anything else. */
    public static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new ScheduleException("unknown time zone '" + name + "' (use an IANA name such as Europe/Paris"
                    + " or America/New_York)");
        }
    }

    private static EverySchedule every(String text, String duration) {
        Duration interval = GoDuration.parse(duration)
                .orElseThrow(() -> new ScheduleException("'" + text + "': '" + duration + "' is not a duration"
                        + " (write it like 90s, 15m or 1h30m)"));
        if (interval.isNegative() || interval.isZero()) {
            throw new ScheduleException("'" + text + "': the interval must be positive");
        }
        // robfig runs @every on whole seconds, at least one second apart
        long seconds = Math.max(1, interval.toSeconds());
        return new EverySchedule(text, Duration.ofSeconds(seconds));
    }

    /** A schedule that cannot be read. */
    public static final class ScheduleException extends RuntimeException {
        public ScheduleException(String message) {
            super(message);
        }
    }
}
