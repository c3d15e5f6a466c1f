package dev.baton.engine.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Locks within one process: each lock admits {@code limit} holders; others wait in arrival order. */
public final class LocalLockService implements LockService {
    private record Waiter(String holder, int limit, Runnable onAcquired) {
    }

    private final Map<String, Set<String>> holders = new HashMap<>();
    private final Map<String, Deque<Waiter>> waiting = new HashMap<>();

    @Override
    public void acquire(String holder, String lock, int limit, Runnable onAcquired) {
        Runnable granted;
        synchronized (this) {
            Set<String> current = holders.computeIfAbsent(lock, k -> new LinkedHashSet<>());
            if (current.contains(holder) || current.size() < Math.max(1, limit)) {
                current.add(holder);
                granted = onAcquired;
            } else {
                waiting.computeIfAbsent(lock, k -> new ArrayDeque<>()).addLast(new Waiter(holder, limit, onAcquired));
                granted = null;
            }
        }
        if (granted != null) {
            granted.run();
        }
    }

    @Override
    public void release(String holder, String lock) {
        Runnable next = null;
        synchronized (this) {
            Set<String> current = holders.get(lock);
            if (current == null || !current.remove(holder)) {
                Deque<Waiter> queue = waiting.get(lock);
                if (queue != null) {
                    queue.removeIf(w -> w.holder().equals(holder));
                }
                return;
            }
            Deque<Waiter> queue = waiting.get(lock);
            if (queue != null && !queue.isEmpty() && current.size() < Math.max(1, queue.peekFirst().limit())) {
                Waiter w = queue.pollFirst();
                current.add(w.holder());
                next = w.onAcquired();
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** Who holds a lock now. */
    public synchronized Set<String> holders(String lock) {
        return Set.copyOf(holders.getOrDefault(lock, Set.of()));
    }
}
