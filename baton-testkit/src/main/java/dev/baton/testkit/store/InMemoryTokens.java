package dev.baton.testkit.store;

import dev.baton.spi.store.ConflictException;
import dev.baton.spi.store.TokenRecord;
import dev.baton.spi.store.TokenStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** API tokens in memory, by name. */
final class InMemoryTokens implements TokenStore {
    private final TreeMap<String, TokenRecord> byName = new TreeMap<>();

    @Override
    public synchronized void create(TokenRecord token) {
        boolean digestTaken = byName.values().stream().anyMatch(t -> t.sha256().equals(token.sha256()));
        if (byName.containsKey(token.name()) || digestTaken) {
            throw new ConflictException("a token named '" + token.name() + "' (or with the same digest) "
                    + "already exists");
        }
        byName.put(token.name(), token);
    }

    @Override
    public synchronized Optional<TokenRecord> findByDigest(String sha256) {
        return byName.values().stream().filter(t -> t.sha256().equals(sha256)).findFirst();
    }

    @Override
    public synchronized List<TokenRecord> list() {
        return new ArrayList<>(byName.values());
    }

    @Override
    public synchronized boolean revoke(String name, Instant at) {
        TokenRecord t = byName.get(name);
        if (t == null || t.revokedAt() != null) {
            return false;
        }
        byName.put(name, t.withRevokedAt(at));
        return true;
    }

    @Override
    public synchronized void recordUse(String name, Instant at) {
        TokenRecord t = byName.get(name);
        if (t != null && (t.lastUsedAt() == null || t.lastUsedAt().isBefore(at))) {
            byName.put(name, t.withLastUsedAt(at));
        }
    }
}
