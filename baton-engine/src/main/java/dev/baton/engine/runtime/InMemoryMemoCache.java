package dev.baton.engine.runtime;

import dev.baton.engine.core.MemoOutputs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Memoized outputs kept for the life of the process. */
public final class InMemoryMemoCache implements MemoCache {
    private record Entry(MemoOutputs outputs, Instant savedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public MemoOutputs find(String cacheName, String key, Instant now, Duration maxAge) {
        Entry entry = entries.get(cacheName + "\n" + key);
        if (entry == null || (maxAge != null && entry.savedAt().plus(maxAge).isBefore(now))) {
            return null;
        }
        return entry.outputs();
    }

    @Override
    public void save(String cacheName, String key, String nodeId, MemoOutputs outputs, Instant now) {
        entries.put(cacheName + "\n" + key, new Entry(outputs, now));
    }
}
