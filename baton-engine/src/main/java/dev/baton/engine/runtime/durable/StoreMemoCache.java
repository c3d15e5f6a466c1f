package dev.baton.engine.runtime.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.core.MemoOutputs;
import dev.baton.engine.runtime.MemoCache;
import dev.baton.spi.store.MemoEntry;
import dev.baton.spi.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Memoized outputs kept in the store, so they outlive the process and are shared by every run. */
public final class StoreMemoCache implements MemoCache {
    private static final ObjectMapper JSON = StoredJson.mapper();
    private final Store store;

    public StoreMemoCache(Store store) {
        this.store = store;
    }

    @Override
    public MemoOutputs find(String cacheName, String key, Instant now, Duration maxAge) {
        Optional<MemoEntry> entry = store.memoCache().get(cacheName, key);
        if (entry.isEmpty() || (maxAge != null && entry.get().createdAt().plus(maxAge).isBefore(now))) {
            return null;
        }
        try {
            MemoOutputs outputs = JSON.readValue(entry.get().outputsJson(), MemoOutputs.class);
            store.memoCache().touch(cacheName, key, now);
            return outputs;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void save(String cacheName, String key, String nodeId, MemoOutputs outputs, Instant now) {
        try {
            store.memoCache().put(new MemoEntry(cacheName, key, JSON.writeValueAsString(outputs), nodeId, now, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode memoized outputs", e);
        }
    }
}
