package dev.baton.engine.runtime.durable;

import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.core.MemoOutputs;
import dev.baton.testkit.store.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Memoized outputs round-trip through the store and expire by maxAge. */
class StoreMemoCacheTest {
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void savedOutputsAreFoundUntilTheyAreOlderThanMaxAge() {
        StoreMemoCache cache = new StoreMemoCache(new InMemoryStore());
        MemoOutputs outputs = new MemoOutputs(Map.of("hello", "world"), "out", "0",
                Map.of("a", new ArtifactRef("sha256:" + "ab".repeat(32), 3, false, "wf/pod/a.tgz")));
        cache.save("cache-config", "key-1", "node-1", outputs, t0);

        assertThat(cache.find("cache-config", "key-1", t0.plusSeconds(5), Duration.ofSeconds(10))).isEqualTo(outputs);
        assertThat(cache.find("cache-config", "key-1", t0.plusSeconds(11), Duration.ofSeconds(10))).isNull();
        assertThat(cache.find("cache-config", "key-1", t0.plusSeconds(3600), null)).isEqualTo(outputs);
        assertThat(cache.find("cache-config", "other", t0, null)).isNull();
        assertThat(cache.find("other-cache", "key-1", t0, null)).isNull();
    }
}
