package dev.baton.engine.runtime;

/** Mutexes and semaphores shared by the runs of one engine (and, backed by the store, of many). */
public interface LockService {
    /** Calls {@code onAcquired} once the holder has the lock (at once when free; later otherwise). */
    void acquire(String holder, String lock, int limit, Runnable onAcquired);

    void release(String holder, String lock);
}
