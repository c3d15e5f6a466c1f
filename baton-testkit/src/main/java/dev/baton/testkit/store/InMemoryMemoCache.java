package dev.baton.testkit.store;

import dev.baton.spi.store.MemoCache;
import dev.baton.spi.store.MemoEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The memoization cache in memory. Each call is atomic. */
final class InMemoryMemoCache implements MemoCache {
    private final Map<String, MemoEntry> entries = new HashMap<>();

    @Override
    public Optional<MemoEntry> get(String cacheName, String key) {
        synchronized (this) {
            return Optional.ofNullable(entries.get(InMemoryStore.nameKey(cacheName, key)));
        }
    }

    @Override
    public void put(MemoEntry e) {
        synchronized (this) {
            entries.put(InMemoryStore.nameKey(e.cacheName(), e.key()), new MemoEntry(e.cacheName(), e.key(), e.outputsJson(),
                    e.nodeId(), InMemoryStore.micros(e.createdAt()), InMemoryStore.micros(e.lastHitAt())));
        }
    }

    @Override
    public boolean touch(String cacheName, String key, Instant at) {
        synchronized (this) {
            MemoEntry e = entries.get(InMemoryStore.nameKey(cacheName, key));
            if (e == null) {
                return false;
            }
            entries.put(InMemoryStore.nameKey(cacheName, key),
                    new MemoEntry(e.cacheName(), e.key(), e.outputsJson(), e.nodeId(), e.createdAt(), InMemoryStore.micros(at)));
            return true;
        }
    }
}
