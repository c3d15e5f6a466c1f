package dev.baton.template.expr;

import java.time.DateTimeException;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Reads a time from text following the chunks of a Go layout, as Go's time.Parse does. */
final class LayoutParser {

    private final String text;
    private int pos;
    private int year;
    private int month = 1;
    private int day = 1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private Boolean pm;
    private ZoneId parsedZone;

    LayoutParser(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    String rest() {
        return text.substring(pos);
    }

    void literal(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw fail("cannot parse \"" + rest() + "\" as \"" + c + "\"");
        }
        pos++;
    }

    void chunk(LayoutChunk chunk, char nextLayoutChar) {
        switch (chunk.kind()) {
            case LONG_MONTH, MONTH -> month = monthByName(chunk.kind() == LayoutChunk.Kind.LONG_MONTH);
            case NUM_MONTH -> month = number(1, 2);
            case ZERO_MONTH -> month = number(2, 2);
            case LONG_WEEKDAY, WEEKDAY -> skipLetters();
            case DAY -> day = number(1, 2);
            case UNDER_DAY -> {
                if (pos < text.length() && text.charAt(pos) == ' ') {
                    pos++;
                }
                day = number(1, 2);
            }
            case ZERO_DAY -> day = number(2, 2);
            case YEAR_DAY -> number(3, 3);
            case HOUR -> hour = number(1, 2);
            case HOUR12 -> hour = number(1, 2);
            case ZERO_HOUR12 -> hour = number(2, 2);
            case MINUTE -> minute = number(1, 2);
            case ZERO_MINUTE -> minute = number(2, 2);
            case SECOND, ZERO_SECOND -> {
                second = number(chunk.kind() == LayoutChunk.Kind.SECOND ? 1 : 2, 2);
                if (nextLayoutChar != '.' && nextLayoutChar != ',' && pos < text.length() && text.charAt(pos) == '.') {
                    nanos = fractionDigits();
                }
            }
            case LONG_YEAR -> year = number(4, 4);
            case YEAR -> {
                int y = number(2, 2);
                year = y >= 69 ? 1900 + y : 2000 + y;
            }
            case PM, LOWER_PM -> pm = readPm();
            case ZONE_NAME -> zoneName();
            case OFFSET, OFFSET_COLON, OFFSET_HOURS -> parsedZone = offset(chunk.kind());
            case OFFSET_Z, OFFSET_Z_COLON, OFFSET_Z_HOURS -> {
                if (pos < text.length() && text.charAt(pos) == 'Z') {
                    pos++;
                    parsedZone = ZoneOffset.UTC;
                } else {
                    parsedZone = offset(chunk.kind());
                }
            }
            case FRACTION_ZEROS, FRACTION_NINES -> {
                if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == ',')) {
                    nanos = fractionDigits();
                } else if (chunk.kind() == LayoutChunk.Kind.FRACTION_ZEROS) {
                    throw fail("cannot parse \"" + rest() + "\" as \"" + chunk.text() + "\"");
                }
            }
        }
    }

    ZonedDateTime result(ZoneId defaultZone, String layout) {
        int h = hour;
        if (pm != null) {
            if (h > 12) {
                throw fail("hour out of range");
            }
            h = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        }
        try {
            return new GoTime.Fields(year, month, day, h, minute, second, nanos)
                    .at(parsedZone != null ? parsedZone : defaultZone);
        } catch (DateTimeException e) {
            throw new EvalError("parsing time \"" + text + "\": " + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    private int number(int minDigits, int maxDigits) {
        int start = pos;
        while (pos < text.length() && pos - start < maxDigits && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos - start < minDigits) {
            throw fail("cannot parse \"" + text.substring(start) + "\"");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private int fractionDigits() {
        pos++;
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = (text.substring(start, pos) + "000000000").substring(0, 9);
        return Integer.parseInt(digits);
    }

    private int monthByName(boolean full) {
        for (Month m : Month.values()) {
            String name = GoTime.monthName(m, full);
            if (text.regionMatches(true, pos, name, 0, name.length())) {
                pos += name.length();
                return m.getValue();
            }
        }
        throw fail("cannot parse \"" + rest() + "\" as month");
    }

    private void skipLetters() {
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean readPm() {
        String two = pos + 2 <= text.length() ? text.substring(pos, pos + 2).toUpperCase(Locale.ROOT) : "";
        if (!two.equals("AM") && !two.equals("PM")) {
            throw fail("cannot parse \"" + rest() + "\" as \"PM\"");
        }
        pos += 2;
        return two.equals("PM");
    }

    private void zoneName() {
        int start = pos;
        skipLetters();
        String name = text.substring(start, pos);
        if (name.length() < 3) {
            throw fail("cannot parse \"" + text.substring(start) + "\" as \"MST\"");
        }
        parsedZone = ZoneOffset.UTC;
    }

    private ZoneId offset(LayoutChunk.Kind kind) {
        if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
            throw fail("cannot parse \"" + rest() + "\" as zone offset");
        }
        int sign = text.charAt(pos++) == '-' ? -1 : 1;
        int hours = number(2, 2);
        int minutes = 0;
        boolean colon = kind == LayoutChunk.Kind.OFFSET_COLON || kind == LayoutChunk.Kind.OFFSET_Z_COLON;
        boolean hoursOnly = kind == LayoutChunk.Kind.OFFSET_HOURS || kind == LayoutChunk.Kind.OFFSET_Z_HOURS;
        if (!hoursOnly) {
            if (colon) {
                literal(':');
            }
            minutes = number(2, 2);
        }
        return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
    }

    private EvalError fail(String detail) {
        return new EvalError("parsing time \"" + text + "\": " + detail);
    }
}
