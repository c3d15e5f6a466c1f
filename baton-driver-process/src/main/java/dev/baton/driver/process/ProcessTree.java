package dev.baton.driver.process;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Signals a step's root process and everything it started. */
final class ProcessTree {
    private final Optional<ProcessHandle> root;
    private final boolean ownGroup;

    /**
     * @param root     the tree's root, empty when there is nothing (yet, or any more) to signal
     * @param ownGroup whether {@code root} leads a process group of its own (then the whole group is signalled)
     */
    ProcessTree(Optional<ProcessHandle> root, boolean ownGroup) {
        this.root = root;
        this.ownGroup = ownGroup;
    }

    /** SIGTERM to every process of the tree. */
    void terminate() throws InterruptedException {
        signal(false);
    }

    /** SIGKILL to every process of the tree. */
    void kill() throws InterruptedException {
        signal(true);
    }

    private void signal(boolean force) throws InterruptedException {
        if (root.isEmpty()) {
            return;
        }
        // Snapshot first: children reparented after their parent dies would no longer be found.
        List<ProcessHandle> tree = root.get().descendants().toList();
        if (ownGroup) {
            signalGroup(root.get(), force ? "KILL" : "TERM");
        }
        send(root.get(), force);
        tree.forEach(process -> send(process, force));
    }

    private static void send(ProcessHandle process, boolean force) {
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    private static void signalGroup(ProcessHandle root, String signal) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-s", signal, "--", "-" + root.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            // Without a kill program the per-process signals below still reach every live descendant.
        }
    }
}
