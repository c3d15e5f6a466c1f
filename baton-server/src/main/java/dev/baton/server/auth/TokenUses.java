package dev.baton.server.auth;

import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStore;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records when tokens were last used, at most once a minute per token, so that a busy client does not turn every
 * request into a database write.
 */
public final class TokenUses {
    /** How stale "last used" may be. */
    public static final Duration RESOLUTION = Duration.ofMinutes(1);
    private final TokenStore tokens;
    private final ConcurrentHashMap<String, Instant> written = new ConcurrentHashMap<>();

    public TokenUses(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** Notes that {@code token} opened the API at {@code now}. */
    public void used(TokenRecord token, Instant now) {
        if (recent(token.lastUsedAt(), now)) {
            return;
        }
        boolean[] claimed = {false};
        // compute is atomic per name: of concurrent requests, one claims the write
        written.compute(token.name(), (name, previous) -> {
            if (recent(previous, now)) {
                return previous;
            }
            claimed[0] = true;
            return now;
        });
        if (claimed[0]) {
            tokens.recordUse(token.name(), now);
        }
    }

    private static boolean recent(Instant last, Instant now) {
        return last != null && now.isBefore(last.plus(RESOLUTION));
    }
}
