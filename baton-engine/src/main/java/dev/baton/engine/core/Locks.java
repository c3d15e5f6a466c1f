package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.spec.Synchronization;
import dev.baton.template.subst.Unresolved;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mutexes and semaphores of a workflow or template: asks the runtime for each lock, continues once all
 * are held, and gives them back when the holder is done. Names follow Argo's keys
 * ({@code <namespace>/Mutex/<name>}, {@code <namespace>/ConfigMap/<name>/<key>}).
 */
final class Locks {
    private Locks() {
    }

    /** The locks a synchronization block asks for, with their limits; names are substituted in {@code scope}. */
    static Map<String, Integer> of(RunState state, Synchronization sync, Scope scope) {
        Map<String, Integer> locks = new LinkedHashMap<>();
        if (sync == null) {
            return locks;
        }
        String defaultNamespace = state.context().namespace();
        List<Synchronization.Mutex> mutexes = new ArrayList<>();
        if (sync.mutex() != null) {
            mutexes.add(sync.mutex());
        }
        if (sync.mutexes() != null) {
            mutexes.addAll(sync.mutexes());
        }
        for (Synchronization.Mutex m : mutexes) {
            String ns = m.namespace() != null ? m.namespace() : defaultNamespace;
            locks.put(ns + "/Mutex/" + Substituter.text(m.name(), scope, Unresolved.KEEP), 1);
        }
        List<Synchronization.Semaphore> semaphores = new ArrayList<>();
        if (sync.semaphore() != null) {
            semaphores.add(sync.semaphore());
        }
        if (sync.semaphores() != null) {
            semaphores.addAll(sync.semaphores());
        }
        for (Synchronization.Semaphore s : semaphores) {
            String ns = s.namespace() != null ? s.namespace() : defaultNamespace;
            String name = s.configMapKeyRef() == null ? "semaphore"
                    : s.configMapKeyRef().name() + "/" + s.configMapKeyRef().key();
            locks.put(ns + "/ConfigMap/" + name, state.context().semaphoreLimit(name));
        }
        return locks;
    }

    /** Asks for every lock; runs {@code then} once all are held (at once if there are none). */
    static void acquire(Tick tick, String holder, Map<String, Integer> locks, Consumer<Tick> then) {
        if (locks.isEmpty()) {
            then.accept(tick);
            return;
        }
        int[] missing = {locks.size()};
        for (Map.Entry<String, Integer> lock : locks.entrySet()) {
            tick.state.lockWaits().put(holder + "\n" + lock.getKey(), t -> {
                t.state.heldLocks().computeIfAbsent(lock.getKey(), k -> new java.util.TreeSet<>()).add(holder);
                if (--missing[0] == 0) {
                    then.accept(t);
                }
            });
            tick.emit(new Effect.AcquireLock(holder, lock.getKey(), lock.getValue()));
        }
    }

    static void release(Tick tick, String holder, Map<String, Integer> locks) {
        for (String lock : locks.keySet()) {
            tick.state.lockWaits().remove(holder + "\n" + lock);
            var holders = tick.state.heldLocks().get(lock);
            if (holders != null) {
                holders.remove(holder);
            }
            tick.emit(new Effect.ReleaseLock(holder, lock));
        }
    }
}
