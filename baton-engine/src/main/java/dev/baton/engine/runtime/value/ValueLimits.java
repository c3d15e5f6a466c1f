package dev.baton.engine.runtime.value;

import java.util.Locale;
import java.util.Map;

/**
 * How large parameter values and results may be: up to {@code inlineMax} bytes a value is kept as text in
 * the run's state; above it, up to {@code maximum}, it is kept in the artifact store and the run carries a
 * handle; above {@code maximum} the step ends in Error.
 *
 * @param inlineMax the largest value kept inline, in bytes
 * @param maximum   the largest value accepted, in bytes
 */
public record ValueLimits(long inlineMax, long maximum) {
    public static final long DEFAULT_INLINE_MAX = 256L * 1024;
    public static final long DEFAULT_MAXIMUM = 256L * 1024 * 1024;
    public static final String INLINE_MAX_VARIABLE = "BATON_VALUE_INLINE_MAX";
    public static final String MAXIMUM_VARIABLE = "BATON_VALUE_MAX";

    public ValueLimits {
        if (inlineMax < 0 || maximum < 0) {
            throw new IllegalArgumentException("value limits must not be negative");
        }
    }

    public static ValueLimits defaults() {
        return new ValueLimits(DEFAULT_INLINE_MAX, DEFAULT_MAXIMUM);
    }

    /** The limits set by {@code BATON_VALUE_INLINE_MAX} and {@code BATON_VALUE_MAX}, else the defaults. */
    public static ValueLimits from(Map<String, String> environment) {
        return new ValueLimits(size(environment, INLINE_MAX_VARIABLE, DEFAULT_INLINE_MAX),
                size(environment, MAXIMUM_VARIABLE, DEFAULT_MAXIMUM));
    }

    /** A byte count such as {@code 262144}, {@code 256Ki}, {@code 64Mi} or {@code 1Gi}. */
    static long size(Map<String, String> environment, String name, long fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("ki")) {
            unit = 1024;
        } else if (t.endsWith("mi")) {
            unit = 1024L * 1024;
        } else if (t.endsWith("gi")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 2);
        try {
            long value = Long.parseLong(digits.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(value, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + "=" + text
                    + ": not a size in bytes (write e.g. 262144, 256Ki, 64Mi or 1Gi)");
        }
    }

    /** A size for people: {@code 256 KiB}, {@code 20 MiB}, {@code 1000 bytes}. */
    public static String describe(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GiB";
        }
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
