package dev.baton.engine.core;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The strftime conversions Argo offers as {@code workflow.creationTimestamp.<char>}. */
final class Strftime {
    private Strftime() {
    }

    static String format(char conversion, ZonedDateTime t) {
        return switch (conversion) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'c' -> DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US).format(t);
            case 'C' -> two(t.getYear() / 100);
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> two(t.getMonthValue()) + "/" + two(t.getDayOfMonth()) + "/" + two(t.getYear() % 100);
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'F' -> t.getYear() + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth());
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'k' -> String.format("%2d", t.getHour());
            case 'l' -> String.format("%2d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'r' -> format('I', t) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " " + format('p', t);
            case 'R' -> two(t.getHour()) + ":" + two(t.getMinute());
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> Integer.toString(t.getYear());
            case 'z' -> "+0000";
            case 'Z' -> "UTC";
            default -> null;
        };
    }

    private static String two(int value) {
        return String.format("%02d", value);
    }
}
