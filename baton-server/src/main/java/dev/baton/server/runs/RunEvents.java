package dev.baton.server.runs;

import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.RunListener;
import dev.baton.engine.runtime.WorkflowView;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands every change of a run to the clients watching it: after each batch the run loop applies, the whole
 * Workflow as Argo shows it, in the order the changes happened. The Workflow is built only when someone watches.
 */
public final class RunEvents implements RunListener {
    /** One change: the run's namespace and name, whether it is final, and the Workflow object. */
    public record Change(String namespace, String name, boolean finished, Map<String, Object> workflow) {
    }

    /** A client's subscription: changes of one namespace (and one run, when {@code name} is set). */
    public static final class Subscription implements AutoCloseable {
        private final String namespace;
        private final String name;
        private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
        private final Set<Subscription> owner;

        private Subscription(String namespace, String name, Set<Subscription> owner) {
            this.namespace = namespace;
            this.name = name;
            this.owner = owner;
        }

        boolean wants(String ns, String run) {
            return namespace.equals(ns) && (name == null || name.equals(run));
        }

        /** The next change, or null after {@code millis} without one. */
        public Change poll(long millis) throws InterruptedException {
            return changes.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            owner.remove(this);
        }
    }

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /** Watches a namespace, or one run of it when {@code name} is not null. */
    public Subscription subscribe(String namespace, String name) {
        Subscription s = new Subscription(namespace, name, subscriptions);
        subscriptions.add(s);
        return s;
    }

    @Override
    public void updated(RunState state, List<NodeState> changed) {
        if (subscriptions.isEmpty()) {
            return;
        }
        String namespace = state.context().namespace();
        String name = state.runName();
        Change change = null;
        for (Subscription s : subscriptions) {
            if (s.wants(namespace, name)) {
                if (change == null) {
                    change = new Change(namespace, name, state.phase().isFinished(), WorkflowView.of(state));
                }
                s.changes.add(change);
            }
        }
    }
}
