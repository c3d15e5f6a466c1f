package dev.baton.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a token stays valid, as {@code --expires-in} writes it: {@code 45m}, {@code 12h}, {@code 30d}. */
record TokenLifetime(Duration duration) {
    private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    private static final Duration LONGEST = Duration.ofDays(3650);

    /** @throws IllegalArgumentException saying what a lifetime looks like */
    static TokenLifetime parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--expires-in must be a whole number of minutes, hours or days, such"
                    + " as 45m, 12h or 30d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("--expires-in may be at most 3650d (leave it out for a token that"
                    + " does not expire), not '" + text + "'");
        }
        return new TokenLifetime(duration);
    }
}
