package dev.baton.template.expr;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go time layouts ("2006-01-02T15:04:05Z07:00") and Go duration strings, for formatting and parsing. */
public final class GoTime {

    public static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    public static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private GoTime() {
    }

    /** Formats a time with a Go layout string. */
    public static String format(ZonedDateTime t, String layout) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            LayoutChunk chunk = LayoutChunk.at(layout, i);
            if (chunk == null) {
                out.append(layout.charAt(i++));
                continue;
            }
            chunk.format(out, t);
            i += chunk.text().length();
        }
        return out.toString();
    }

    /** Parses text with a Go layout; a layout without a zone yields a time in {@code zone}. */
    public static ZonedDateTime parse(String layout, String text, ZoneId zone) {
        LayoutParser parser = new LayoutParser(text);
        int i = 0;
        while (i < layout.length()) {
            LayoutChunk chunk = LayoutChunk.at(layout, i);
            if (chunk == null) {
                parser.literal(layout.charAt(i++));
                continue;
            }
            i += chunk.text().length();
            parser.chunk(chunk, i < layout.length() ? layout.charAt(i) : 0);
        }
        if (!parser.atEnd()) {
            throw new EvalError("parsing time \"" + text + "\" as \"" + layout + "\": extra text: \"" + parser.rest() + "\"");
        }
        return parser.result(zone, layout);
    }

    static String zoneName(ZonedDateTime t) {
        if (t.getZone().equals(ZoneOffset.UTC) || t.getZone().getId().equals("UTC") || t.getZone().getId().equals("Z")) {
            return "UTC";
        }
        if (t.getZone() instanceof ZoneOffset offset) {
            return offsetText(offset.getTotalSeconds(), false, false);
        }
        return ZONE_NAME.format(t);
    }

    static String offsetText(int seconds, boolean colon, boolean hoursOnly) {
        int abs = Math.abs(seconds);
        String text = (seconds < 0 ? "-" : "+") + String.format("%02d", abs / 3600);
        if (hoursOnly) {
            return text;
        }
        return text + (colon ? ":" : "") + String.format("%02d", (abs / 60) % 60);
    }

    static String monthName(Month m, boolean full) {
        return m.getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH);
    }

    static String dayName(DayOfWeek d, boolean full) {
        return d.getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH);
    }

    /** Go's time.Duration.String(): "1h30m0s", "1.5s", "300ms", "0s". */
    public static String formatDuration(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs < 1_000L) {
            return sign + abs + "ns";
        }
        if (abs < 1_000_000L) {
            return sign + fraction(abs, 1_000L) + "µs";
        }
        if (abs < 1_000_000_000L) {
            return sign + fraction(abs, 1_000_000L) + "ms";
        }
        long hours = abs / 3_600_000_000_000L;
        long minutes = (abs / 60_000_000_000L) % 60;
        String seconds = fraction(abs % 60_000_000_000L, 1_000_000_000L) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        if (minutes > 0) {
            return sign + minutes + "m" + seconds;
        }
        return sign + seconds;
    }

    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long rest = value % unit;
        if (rest == 0) {
            return Long.toString(whole);
        }
        String digits = String.format("%0" + Long.toString(unit).length() + "d", rest).substring(1);
        return whole + "." + digits.replaceAll("0+$", "");
    }

    /** Go's time.ParseDuration: "1h30m", "-1.5h", "300ms", "2us". */
    public static Duration parseDuration(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new EvalError("time: invalid duration \"" + text + "\"");
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new EvalError("time: invalid duration \"" + text + "\"");
            }
            double number = Double.parseDouble(s.substring(start, i));
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            total += number * unitNanos(s.substring(unitStart, i), text);
        }
        long nanos = Math.round(total);
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    private static double unitNanos(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "" -> throw new EvalError("time: missing unit in duration \"" + text + "\"");
            default -> throw new EvalError("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
        };
    }

    /** A Go time of day with a date, before a zone is applied. */
    record Fields(int year, int month, int day, int hour, int minute, int second, int nanos) {

        ZonedDateTime at(ZoneId zone) {
            return LocalDateTime.of(LocalDate.of(year, month, day), java.time.LocalTime.of(hour, minute, second, nanos))
                    .atZone(zone);
        }
    }
}
