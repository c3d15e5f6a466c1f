package dev.baton.template;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelt one most likely meant: within two edits (fewer than its length), or sharing a prefix. */
public final class DidYouMean {
    private static final int MAX_EDITS = 2;
    private static final int MIN_PREFIX = 3;

    private DidYouMean() {
    }

    public static Optional<String> suggest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        String lowerWrong = wrong.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (candidate.equals(wrong)) {
                continue;
            }
            String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(lowerWrong, lowerCandidate);
            boolean close = distance <= MAX_EDITS && distance < lowerWrong.length() && distance < lowerCandidate.length();
            int score = close ? distance
                    : sharesPrefix(lowerWrong, lowerCandidate) ? MAX_EDITS + 1 : Integer.MAX_VALUE;
            if (score < bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code ", did you mean 'X'?"}, or nothing when no name is close. */
    public static String hint(String wrong, Collection<String> candidates) {
        return suggest(wrong, candidates).map(s -> ", did you mean '" + s + "'?").orElse("");
    }

    private static boolean sharesPrefix(String a, String b) {
        return a.length() >= MIN_PREFIX && b.length() >= MIN_PREFIX && (a.startsWith(b) || b.startsWith(a));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
