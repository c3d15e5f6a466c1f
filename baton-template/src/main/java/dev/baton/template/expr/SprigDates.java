package dev.baton.template.expr;

import static dev.baton.template.expr.SprigValues.arg;
import static dev.baton.template.expr.SprigValues.stringArg;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/** sprig's date functions: now, date, dateInZone, toDate, unixEpoch, duration, … */
final class SprigDates {

    private static final ZonedDateTime GO_ZERO_TIME = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private SprigDates() {
    }

    static void register(Map<String, ExprFunction> f) {
        f.put("now", a -> ZonedDateTime.now(ZoneId.systemDefault()));
        f.put("date", a -> GoTime.format(toTime(arg(a, 1, "date"), ZoneId.systemDefault()), stringArg(a, 0, "date")));
        f.put("dateInZone", a -> GoTime.format(toTime(arg(a, 1, "dateInZone"), zone(stringArg(a, 2, "dateInZone"))),
                stringArg(a, 0, "dateInZone")));
        f.put("htmlDate", a -> GoTime.format(toTime(arg(a, 0, "htmlDate"), ZoneId.systemDefault()), "2006-01-02"));
        f.put("htmlDateInZone", a -> GoTime.format(toTime(arg(a, 0, "htmlDateInZone"),
                zone(stringArg(a, 1, "htmlDateInZone"))), "2006-01-02"));
        f.put("toDate", a -> {
            try {
                return GoTime.parse(stringArg(a, 0, "toDate"), stringArg(a, 1, "toDate"), ZoneId.systemDefault());
            } catch (EvalError e) {
                return GO_ZERO_TIME;
            }
        });
        f.put("unixEpoch", a -> Long.toString(toTime(arg(a, 0, "unixEpoch"), ZoneOffset.UTC).toEpochSecond()));
        f.put("dateModify", a -> {
            ZonedDateTime t = toTime(arg(a, 1, "dateModify"), ZoneId.systemDefault());
            try {
                return t.plus(GoTime.parseDuration(stringArg(a, 0, "dateModify")));
            } catch (EvalError e) {
                return t;
            }
        });
        f.put("duration", a -> {
            Object v = arg(a, 0, "duration");
            return GoTime.formatDuration(Duration.ofSeconds(SprigValues.toInt64(v)));
        });
        f.put("ago", a -> GoTime.formatDuration(Duration.ofSeconds(
                Duration.between(toTime(arg(a, 0, "ago"), ZoneOffset.UTC), ZonedDateTime.now()).toSeconds())));
    }

    /** sprig's date argument: a time, or unix seconds as an int; anything else means now. */
    private static ZonedDateTime toTime(Object v, ZoneId zone) {
        return switch (RuntimeValues.normalize(v)) {
            case ZonedDateTime t -> t.withZoneSameInstant(zone);
            case Long seconds -> Instant.ofEpochSecond(seconds).atZone(zone);
            case null, default -> ZonedDateTime.now(zone);
        };
    }

    private static ZoneId zone(String name) {
        try {
            return name.isEmpty() || name.equals("UTC") ? ZoneOffset.UTC : Builtins.zone(name);
        } catch (EvalError e) {
            return ZoneOffset.UTC;
        }
    }
}
