package dev.baton.spi.store;

import java.util.List;

/**
 * Workflow and template {@code synchronization}: a semaphore admits up to {@code limit} holders, a mutex is a
 * semaphore of limit 1. Holders are names such as {@code "<runUid>/<nodeId>"}.
 */
public interface LockStore {

    /**
     * Takes a place in the lock if fewer than {@code limit} holders have one; true if {@code holder} holds it
     * afterwards (acquiring again while holding is a no-op that returns true).
     */
    boolean tryAcquire(String lockName, String holder, int limit);

    /** Gives the place up; false if the holder did not hold the lock. */
    boolean release(String lockName, String holder);

    /** The holders of the lock, in the order they acquired it. */
    List<String> holders(String lockName);

    /** Releases every lock held by a holder whose name starts with {@code holderPrefix}; returns how many. */
    int releaseAllHeldBy(String holderPrefix);
}
