package dev.baton.model.spec;

import java.util.List;

/** Mutexes and semaphores a workflow or template must hold to run. */
public record Synchronization(Semaphore semaphore, Mutex mutex, List<Semaphore> semaphores, List<Mutex> mutexes) {

    /** A named lock. */
    public record Mutex(String name, String namespace, Boolean database) {
    }

    /** A counted lock whose size comes from a config map key or the database. */
    public record Semaphore(Memoize.ConfigMapRef configMapKeyRef, String namespace, Object database) {
    }
}
