package dev.baton.template.expr;

import java.time.ZonedDateTime;

/** One element of a Go time layout ("2006", "Jan", "Z07:00", ".000", …). */
record LayoutChunk(Kind kind, String text) {

    enum Kind {
        LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY, YEAR_DAY,
        HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND, LONG_YEAR, YEAR, PM, LOWER_PM,
        ZONE_NAME, OFFSET, OFFSET_COLON, OFFSET_HOURS, OFFSET_Z, OFFSET_Z_COLON, OFFSET_Z_HOURS,
        FRACTION_ZEROS, FRACTION_NINES
    }

    /** The chunk starting at {@code i}, or null when the character there is literal text. */
    static LayoutChunk at(String layout, int i) {
        String rest = layout.substring(i);
        char c = rest.charAt(0);
        switch (c) {
            case 'J':
                return rest.startsWith("January") ? of(Kind.LONG_MONTH, "January")
                        : rest.startsWith("Jan") ? of(Kind.MONTH, "Jan") : null;
            case 'M':
                return rest.startsWith("Monday") ? of(Kind.LONG_WEEKDAY, "Monday")
                        : rest.startsWith("Mon") ? of(Kind.WEEKDAY, "Mon")
                        : rest.startsWith("MST") ? of(Kind.ZONE_NAME, "MST") : null;
            case '0':
                if (rest.startsWith("002")) {
                    return of(Kind.YEAR_DAY, "002");
                }
                if (rest.length() > 1 && rest.charAt(1) >= '1' && rest.charAt(1) <= '6') {
                    Kind[] zero = {Kind.ZERO_MONTH, Kind.ZERO_DAY, Kind.ZERO_HOUR12, Kind.ZERO_MINUTE, Kind.ZERO_SECOND, Kind.YEAR};
                    return of(zero[rest.charAt(1) - '1'], rest.substring(0, 2));
                }
                return null;
            case '1':
                return rest.startsWith("15") ? of(Kind.HOUR, "15") : of(Kind.NUM_MONTH, "1");
            case '2':
                return rest.startsWith("2006") ? of(Kind.LONG_YEAR, "2006") : of(Kind.DAY, "2");
            case '_':
                return rest.startsWith("_2") && !rest.startsWith("_2006") ? of(Kind.UNDER_DAY, "_2") : null;
            case '3':
                return of(Kind.HOUR12, "3");
            case '4':
                return of(Kind.MINUTE, "4");
            case '5':
                return of(Kind.SECOND, "5");
            case 'P':
                return rest.startsWith("PM") ? of(Kind.PM, "PM") : null;
            case 'p':
                return rest.startsWith("pm") ? of(Kind.LOWER_PM, "pm") : null;
            case '-':
                return rest.startsWith("-07:00") ? of(Kind.OFFSET_COLON, "-07:00")
                        : rest.startsWith("-0700") ? of(Kind.OFFSET, "-0700")
                        : rest.startsWith("-07") ? of(Kind.OFFSET_HOURS, "-07") : null;
            case 'Z':
                return rest.startsWith("Z07:00") ? of(Kind.OFFSET_Z_COLON, "Z07:00")
                        : rest.startsWith("Z0700") ? of(Kind.OFFSET_Z, "Z0700")
                        : rest.startsWith("Z07") ? of(Kind.OFFSET_Z_HOURS, "Z07") : null;
            case '.', ',':
                return fraction(rest);
            default:
                return null;
        }
    }

    private static LayoutChunk fraction(String rest) {
        if (rest.length() < 2 || (rest.charAt(1) != '0' && rest.charAt(1) != '9')) {
            return null;
        }
        char digit = rest.charAt(1);
        int j = 1;
        while (j < rest.length() && rest.charAt(j) == digit) {
            j++;
        }
        if (j < rest.length() && Character.isDigit(rest.charAt(j))) {
            return null;
        }
        return of(digit == '0' ? Kind.FRACTION_ZEROS : Kind.FRACTION_NINES, rest.substring(0, j));
    }

    private static LayoutChunk of(Kind kind, String text) {
        return new LayoutChunk(kind, text);
    }

    int fractionDigits() {
        return text.length() - 1;
    }

    void format(StringBuilder out, ZonedDateTime t) {
        int offset = t.getOffset().getTotalSeconds();
        switch (kind) {
            case LONG_MONTH -> out.append(GoTime.monthName(t.getMonth(), true));
            case MONTH -> out.append(GoTime.monthName(t.getMonth(), false));
            case NUM_MONTH -> out.append(t.getMonthValue());
            case ZERO_MONTH -> out.append(two(t.getMonthValue()));
            case LONG_WEEKDAY -> out.append(GoTime.dayName(t.getDayOfWeek(), true));
            case WEEKDAY -> out.append(GoTime.dayName(t.getDayOfWeek(), false));
            case DAY -> out.append(t.getDayOfMonth());
            case UNDER_DAY -> out.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
            case ZERO_DAY -> out.append(two(t.getDayOfMonth()));
            case YEAR_DAY -> out.append(String.format("%03d", t.getDayOfYear()));
            case HOUR -> out.append(two(t.getHour()));
            case HOUR12 -> out.append(hour12(t));
            case ZERO_HOUR12 -> out.append(two(hour12(t)));
            case MINUTE -> out.append(t.getMinute());
            case ZERO_MINUTE -> out.append(two(t.getMinute()));
            case SECOND -> out.append(t.getSecond());
            case ZERO_SECOND -> out.append(two(t.getSecond()));
            case LONG_YEAR -> out.append(String.format("%04d", t.getYear()));
            case YEAR -> out.append(two(t.getYear() % 100));
            case PM -> out.append(t.getHour() >= 12 ? "PM" : "AM");
            case LOWER_PM -> out.append(t.getHour() >= 12 ? "pm" : "am");
            case ZONE_NAME -> out.append(GoTime.zoneName(t));
            case OFFSET -> out.append(GoTime.offsetText(offset, false, false));
            case OFFSET_COLON -> out.append(GoTime.offsetText(offset, true, false));
            case OFFSET_HOURS -> out.append(GoTime.offsetText(offset, false, true));
            case OFFSET_Z -> out.append(offset == 0 ? "Z" : GoTime.offsetText(offset, false, false));
            case OFFSET_Z_COLON -> out.append(offset == 0 ? "Z" : GoTime.offsetText(offset, true, false));
            case OFFSET_Z_HOURS -> out.append(offset == 0 ? "Z" : GoTime.offsetText(offset, false, true));
            case FRACTION_ZEROS, FRACTION_NINES -> formatFraction(out, t.getNano());
        }
    }

    private void formatFraction(StringBuilder out, int nanos) {
        String digits = String.format("%09d", nanos).substring(0, fractionDigits());
        if (kind == Kind.FRACTION_NINES) {
            digits = digits.replaceAll("0+$", "");
            if (digits.isEmpty()) {
                return;
            }
        }
        out.append(text.charAt(0)).append(digits);
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
