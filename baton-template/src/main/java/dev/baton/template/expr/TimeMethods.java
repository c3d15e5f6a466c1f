package dev.baton.template.expr;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** The Go methods of time.Time and time.Duration that expressions may call, e.g. {@code now().Year()}. */
final class TimeMethods {

    private TimeMethods() {
    }

    static Object call(Object receiver, String method, List<Object> args) {
        if (receiver instanceof Duration d) {
            return duration(d, method);
        }
        ZonedDateTime t = (ZonedDateTime) receiver;
        return switch (method) {
            case "Year" -> (long) t.getYear();
            case "Month" -> (long) t.getMonthValue();
            case "Day" -> (long) t.getDayOfMonth();
            case "Hour" -> (long) t.getHour();
            case "Minute" -> (long) t.getMinute();
            case "Second" -> (long) t.getSecond();
            case "Nanosecond" -> (long) t.getNano();
            case "YearDay" -> (long) t.getDayOfYear();
            case "Weekday" -> (long) (t.getDayOfWeek().getValue() % 7);
            case "Unix" -> t.toEpochSecond();
            case "UnixMilli" -> t.toInstant().toEpochMilli();
            case "UnixNano" -> t.toEpochSecond() * 1_000_000_000L + t.getNano();
            case "Format" -> GoTime.format(t, RuntimeValues.requireString(single(args, method), method));
            case "Add" -> t.plus(requireDuration(single(args, method), method));
            case "Sub" -> Duration.between(requireTime(single(args, method), method), t);
            case "Before" -> t.toInstant().isBefore(requireTime(single(args, method), method).toInstant());
            case "After" -> t.toInstant().isAfter(requireTime(single(args, method), method).toInstant());
            case "Equal" -> t.toInstant().equals(requireTime(single(args, method), method).toInstant());
            case "UTC" -> t.withZoneSameInstant(ZoneOffset.UTC);
            case "Local" -> t.withZoneSameInstant(ZoneId.systemDefault());
            case "In" -> t.withZoneSameInstant(Builtins.zone(RuntimeValues.requireString(single(args, method), method)));
            case "AddDate" -> {
                if (args.size() != 3) {
                    throw new EvalError("AddDate expects 3 arguments, got " + args.size());
                }
                yield t.plusYears(RuntimeValues.requireInt(args.get(0), method))
                        .plusMonths(RuntimeValues.requireInt(args.get(1), method))
                        .plusDays(RuntimeValues.requireInt(args.get(2), method));
            }
            case "String" -> GoValueFormat.format(t);
            default -> throw new EvalError("type time.Time has no method " + method);
        };
    }

    private static Object duration(Duration d, String method) {
        double nanos = d.toNanos();
        return switch (method) {
            case "Hours" -> nanos / 3.6e12;
            case "Minutes" -> nanos / 6e10;
            case "Seconds" -> nanos / 1e9;
            case "Milliseconds" -> d.toMillis();
            case "Microseconds" -> d.toNanos() / 1000;
            case "Nanoseconds" -> d.toNanos();
            case "String" -> GoTime.formatDuration(d);
            default -> throw new EvalError("type time.Duration has no method " + method);
        };
    }

    private static Object single(List<Object> args, String method) {
        if (args.size() != 1) {
            throw new EvalError(method + " expects 1 argument, got " + args.size());
        }
        return args.get(0);
    }

    private static Duration requireDuration(Object v, String method) {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Long nanos) {
            return Duration.ofNanos(nanos);
        }
        throw new EvalError("cannot use " + RuntimeValues.goType(v) + " as time.Duration in " + method);
    }

    private static ZonedDateTime requireTime(Object v, String method) {
        if (v instanceof ZonedDateTime t) {
            return t;
        }
        throw new EvalError("cannot use " + RuntimeValues.goType(v) + " as time.Time in " + method);
    }
}
