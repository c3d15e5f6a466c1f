package dev.baton.spi.store;

import java.time.Instant;
import java.util.Optional;

/** The memoization cache, by cache name and key. */
public interface MemoCache {

    Optional<MemoEntry> get(String cacheName, String key);

    /** Stores the entry, replacing any with the same cache name and key. */
    void put(MemoEntry entry);

    /** Records a hit; false if there is no such entry. */
    boolean touch(String cacheName, String key, Instant at);
}
