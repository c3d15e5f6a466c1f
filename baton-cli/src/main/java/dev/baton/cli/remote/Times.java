package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the times of a Workflow's JSON and writes durations and ages as people read them. */
final class Times {
    private Times() {
    }

    static Instant parse(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** From start to end (or now when still going); empty before the start. */
    static String duration(JsonNode start, JsonNode end, Instant now) {
        Instant from = parse(start);
        if (from == null) {
            return "";
        }
        Instant to = parse(end);
        return format(Duration.between(from, to == null ? now : to));
    }

    /** 850ms, 4.2s, 3m7s. */
    static String format(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format("%.1fs", millis / 1000.0);
        }
        return (millis / 60_000) + "m" + (millis / 1000 % 60) + "s";
    }

    /** How long ago, in the largest whole unit: 12s, 5m, 3h, 2d. */
    static String age(JsonNode time, Instant now) {
        Instant then = parse(time);
        if (then == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + "h";
        }
        return (seconds / 86_400) + "d";
    }
}
