package dev.baton.template.when;

import dev.baton.template.expr.GoTime;
import java.time.ZoneOffset;
import java.util.List;

/** govaluate's tryParseTime: a quoted string in one of these layouts becomes a time (its Unix seconds). */
final class GovaluateTime {

    private static final List<String> LAYOUTS = List.of(
            "Mon Jan _2 15:04:05 2006", "Mon Jan _2 15:04:05 MST 2006", "Mon Jan 02 15:04:05 -0700 2006", "3:04PM",
            GoTime.RFC3339, GoTime.RFC3339_NANO, "2006-01-02", "2006-01-02 15:04", "2006-01-02 15:04:05",
            "2006-01-02 15:04:05-07:00", "2006-01-02T15Z0700", "2006-01-02T15:04Z0700", "2006-01-02T15:04:05Z0700",
            "2006-01-02T15:04:05.999999999Z0700");

    private GovaluateTime() {
    }

    /** Unix seconds as govaluate computes them, or null when the text is not a time. */
    static Double parse(String candidate) {
        if (candidate.isEmpty() || !(Character.isDigit(candidate.charAt(0)) || "MTWFS".indexOf(candidate.charAt(0)) >= 0)) {
            return null;
        }
        for (String layout : LAYOUTS) {
            try {
                return (double) GoTime.parse(layout, candidate, ZoneOffset.UTC).toEpochSecond();
            } catch (RuntimeException notThisLayout) {
                // govaluate tries every layout in turn
            }
        }
        return null;
    }
}
