package dev.baton.server.auth;

import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenUsesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** Counts the writes the guard asks for. */
    private static final class RecordingTokens implements TokenStore {
        final List<Instant> writes = new ArrayList<>();

        @Override
        public void create(TokenRecord token) {
        }

        @Override
        public Optional<TokenRecord> findByDigest(String sha256) {
            return Optional.empty();
        }

        @Override
        public List<TokenRecord> list() {
            return List.of();
        }

        @Override
        public boolean revoke(String name, Instant at) {
            return false;
        }

        @Override
        public void recordUse(String name, Instant at) {
            writes.add(at);
        }
    }

    @Test
    void aBusyTokenIsWrittenAtMostOnceAMinute() {
        RecordingTokens tokens = new RecordingTokens();
        TokenUses uses = new TokenUses(tokens);
        TokenRecord token = new TokenRecord("ci", "ab".repeat(32), "ns", "viewer", T0);

        for (int second = 0; second < 150; second++) {
            uses.used(token, T0.plusSeconds(second));
        }

        assertThat(tokens.writes).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
    }

    @Test
    void aUseStoredByAnotherServerWithinTheMinuteIsNotWrittenAgain() {
        RecordingTokens tokens = new RecordingTokens();
        TokenUses uses = new TokenUses(tokens);
        TokenRecord token = new TokenRecord("ci", "ab".repeat(32), "ns", "viewer", T0, null, null,
                T0.plusSeconds(10));

        uses.used(token, T0.plusSeconds(30));
        uses.used(token, T0.plusSeconds(71));

        assertThat(tokens.writes).containsExactly(T0.plusSeconds(71));
    }
}
