package dev.baton.testkit.store;

import dev.baton.spi.store.LockStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synchronization locks in memory. Each call is atomic. */
final class InMemoryLocks implements LockStore {
    /** Holders per lock in acquisition order. */
    private final Map<String, LinkedHashMap<String, Boolean>> holders = new HashMap<>();

    @Override
    public boolean tryAcquire(String lockName, String holder, int limit) {
        synchronized (this) {
            LinkedHashMap<String, Boolean> current = holders.computeIfAbsent(lockName, k -> new LinkedHashMap<>());
            if (current.containsKey(holder)) {
                return true;
            }
            if (current.size() >= limit) {
                return false;
            }
            current.put(holder, Boolean.TRUE);
            return true;
        }
    }

    @Override
    public boolean release(String lockName, String holder) {
        synchronized (this) {
            LinkedHashMap<String, Boolean> current = holders.get(lockName);
            return current != null && current.remove(holder) != null;
        }
    }

    @Override
    public List<String> holders(String lockName) {
        synchronized (this) {
            LinkedHashMap<String, Boolean> current = holders.get(lockName);
            return current == null ? List.of() : List.copyOf(current.keySet());
        }
    }

    @Override
    public int releaseAllHeldBy(String holderPrefix) {
        synchronized (this) {
            int released = 0;
            for (LinkedHashMap<String, Boolean> current : holders.values()) {
                int before = current.size();
                current.keySet().removeIf(h -> h.startsWith(holderPrefix));
                released += before - current.size();
            }
            return released;
        }
    }
}
