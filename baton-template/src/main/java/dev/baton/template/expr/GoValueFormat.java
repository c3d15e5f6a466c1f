package dev.baton.template.expr;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Formats runtime values the way Go's {@code fmt.Sprintf("%v", v)} and {@code strconv} print them. */
final class GoValueFormat {

    private GoValueFormat() {
    }

    /** Go's %v. */
    static String format(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, RuntimeValues.normalize(value));
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("<nil>");
            case String s -> out.append(s);
            case Double d -> out.append(formatFloat(d));
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    append(out, RuntimeValues.normalize(list.get(i)));
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append("map[");
                boolean first = true;
                for (Map.Entry<String, Object> e : sortedEntries(map).entrySet()) {
                    if (!first) {
                        out.append(' ');
                    }
                    first = false;
                    out.append(e.getKey()).append(':');
                    append(out, RuntimeValues.normalize(e.getValue()));
                }
                out.append(']');
            }
            case ZonedDateTime t -> out.append(GoTime.format(t, "2006-01-02 15:04:05.999999999 -0700 MST"));
            case Duration d -> out.append(GoTime.formatDuration(d));
            default -> out.append(value);
        }
    }

    static TreeMap<String, Object> sortedEntries(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    /** Go's strconv.FormatFloat(f, 'g', -1, 64), which %v uses. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        ShortestDigits s = ShortestDigits.of(d);
        int exp = s.pointPosition() - 1;
        return exp < -4 || exp >= 6 ? s.exponential() : s.plain();
    }

    /** Go's encoding/json float64 formatting. */
    static String formatJsonFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new EvalError("json: unsupported value: " + formatFloat(d));
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        double abs = Math.abs(d);
        ShortestDigits s = ShortestDigits.of(d);
        if (abs < 1e-6 || abs >= 1e21) {
            return s.exponential().replace("e-0", "e-").replace("e+0", "e+");
        }
        return s.plain();
    }

    /** The shortest decimal digits that round-trip a double, with the decimal point position. */
    private record ShortestDigits(boolean negative, String digits, int pointPosition) {

        static ShortestDigits of(double d) {
            BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
            String digits = bd.unscaledValue().toString();
            return new ShortestDigits(d < 0, digits, digits.length() - bd.scale());
        }

        String exponential() {
            StringBuilder out = new StringBuilder(negative ? "-" : "");
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = pointPosition - 1;
            out.append(exp < 0 ? "e-" : "e+");
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            return out.append(abs).toString();
        }

        String plain() {
            StringBuilder out = new StringBuilder(negative ? "-" : "");
            if (pointPosition <= 0) {
                out.append("0.").append("0".repeat(-pointPosition)).append(digits);
            } else if (pointPosition >= digits.length()) {
                out.append(digits).append("0".repeat(pointPosition - digits.length()));
            } else {
                out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
            }
            return out.toString();
        }
    }
}
