package dev.baton.engine.runtime;

import dev.baton.engine.core.MemoOutputs;

import java.time.Duration;
import java.time.Instant;

/** Where memoized outputs are kept between nodes and runs. */
public interface MemoCache {
    /** The outputs saved under the key, unless older than {@code maxAge} (null: any age); null when none. */
    MemoOutputs find(String cacheName, String key, Instant now, Duration maxAge);

    void save(String cacheName, String key, String nodeId, MemoOutputs outputs, Instant now);
}
