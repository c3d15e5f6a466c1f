package dev.baton.model.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * Parses durations as Argo accepts them: a bare number means seconds, otherwise Go's
 * {@code time.ParseDuration} syntax ({@code 1h30m}, {@code 250ms}, {@code 2.5s}).
 */
public final class GoDuration {
    private GoDuration() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (s.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-')) {
                return Optional.of(fromSeconds(Double.parseDouble(s)));
            }
            return parseGo(s);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseGo(String s) {
        boolean negative = s.startsWith("-");
        int i = (s.startsWith("-") || s.startsWith("+")) ? 1 : 0;
        double nanos = 0;
        boolean any = false;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                return Optional.empty();
            }
            double number = Double.parseDouble(s.substring(start, i));
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            Double unit = unitNanos(s.substring(unitStart, i));
            if (unit == null) {
                return Optional.empty();
            }
            nanos += number * unit;
            any = true;
        }
        if (!any) {
            return Optional.empty();
        }
        long total = Math.round(nanos);
        return Optional.of(Duration.ofNanos(negative ? -total : total));
    }

    private static Double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1d;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> null;
        };
    }

    private static Duration fromSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
