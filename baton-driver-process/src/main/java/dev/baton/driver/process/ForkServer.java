package dev.baton.driver.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One long-lived Python process per driver ({@code forkserver.py}) that starts each namespaced step by
 * forking itself, so a step costs the namespaces and one exec instead of unshare, a shell, mount(8)
 * and a chrooting unshare; it reports a step's exit as soon as its main process is gone, while the
 * namespace is torn down in the background.
 */
final class ForkServer implements AutoCloseable {
    private static final String SCRIPT = "forkserver.py";
    private static final long STARTED_WITHIN_SECONDS = 10;

    private final Process server;
    private final OutputStream requests;
    private final boolean userNamespace;
    private final Confinement confinement;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Forked> steps = new ConcurrentHashMap<>();
    private volatile String stopped;

    private ForkServer(Process server, boolean userNamespace, Confinement confinement) {
        this.server = server;
        this.requests = server.getOutputStream();
        this.userNamespace = userNamespace;
        this.confinement = confinement;
        Thread.ofPlatform().daemon().name("baton-fork-server").start(this::readReplies);
        // The inits share the server's reply pipe, so its end is not seen as the end of the replies.
        server.onExit().thenRun(this::serverEnded);
    }

    /** Starts the server; it exits by itself when this JVM closes its standard input or dies. */
    static ForkServer start(Path python, boolean userNamespace, Confinement confinement) throws IOException {
        Process server = new ProcessBuilder(python.toString(), "-S", "-c", script())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new ForkServer(server, userNamespace, confinement);
    }

    /**
     * Starts {@code argv} in new namespaces.
     *
     * @param tmp    a host directory bound over {@code /tmp}, or null
     * @param mounts the private root's mounts, relative to {@code workArea}; empty without a root
     * @param root   the private root to change into, relative to {@code workArea}, or null
     * @param shared the host's shared writable directories to cover with a private writable file system
     */
    StepProcess start(Path workArea, List<SandboxMount> mounts, String root, Path tmp, List<String> shared,
            String cwd, List<String> argv, Map<String, String> env, Path stdout, Path stderr) throws IOException {
        long id = ids.incrementAndGet();
        Forked step = new Forked();
        steps.put(id, step);
        StringBuilder json = new StringBuilder(256).append("{\"id\":").append(id)
                .append(",\"dir\":").append(Json.string(workArea.toString()))
                .append(",\"root\":").append(root == null ? "null" : Json.string(root))
                .append(",\"tmp\":").append(tmp == null ? "null" : Json.string(tmp.toString()))
                .append(",\"cwd\":").append(Json.string(cwd))
                .append(",\"userns\":").append(userNamespace)
                .append(",\"user\":").append(confinement.switchesUser()
                        ? "[" + confinement.user().uid() + "," + confinement.user().gid() + "]" : "null")
                .append(",\"hide\":").append(Json.strings(confinement.hidden().stream().map(Path::toString).toList()))
                .append(",\"shared\":").append(Json.strings(shared))
                .append(",\"stdout\":").append(Json.string(stdout.toString()))
                .append(",\"stderr\":").append(Json.string(stderr.toString()))
                .append(",\"argv\":").append(Json.strings(argv))
                .append(",\"env\":").append(Json.object(env))
                .append(",\"mounts\":[");
        for (int i = 0; i < mounts.size(); i++) {
            json.append(i == 0 ? "" : ",").append(mountJson(mounts.get(i)));
        }
        json.append("]}\n");
        synchronized (requests) {
            if (stopped != null) {
                steps.remove(id);
                throw new IOException(stopped);
            }
            requests.write(json.toString().getBytes(StandardCharsets.UTF_8));
            requests.flush();
        }
        return step;
    }

    private static String mountJson(SandboxMount mount) {
        String target = Json.string("root/" + mount.target());
        return switch (mount.kind()) {
            case BIND_TREE, DEVICES -> "[\"rbind\"," + Json.string(mount.source()) + "," + target + ",null]";
            case BIND_FILE -> "[\"bind\"," + Json.string(mount.source()) + "," + target + ",null]";
            case PROC -> "[\"proc\",null," + target + ",null]";
            case OVERLAY -> "[\"overlay\",null," + target + "," + Json.string(MountTable.overlayOptions(mount)) + "]";
        };
    }

    private void readReplies() {
        try (BufferedReader replies = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = replies.readLine(); line != null; line = replies.readLine()) {
                String[] words = line.split(" ");
                Forked step = steps.get(Long.parseLong(words[1]));
                if (step == null) {
                    continue;
                }
                int value = Integer.parseInt(words[2]);
                switch (words[0]) {
                    case "started" -> step.init.complete(ProcessHandle.of(value));
                    case "exited" -> step.exit.complete(value);
                    case "ended" -> {
                        step.exit.complete(value);
                        steps.remove(Long.parseLong(words[1]));
                    }
                    default -> throw new IllegalStateException("unexpected reply from the fork server: " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Handled like the end of the server: every step still waiting fails.
        }
        serverEnded();
    }

    /**
     * Fails every step still waiting. Steps outlive the server (so that they outlive a crashed engine); while
     * this engine lives, a step it can no longer observe is killed rather than left running after it was
     * reported failed.
     */
    private void serverEnded() {
        if (stopped == null) {
            stopped = "the sandbox fork server stopped";
        }
        steps.values().forEach(step -> step.init.getNow(Optional.empty()).ifPresent(ProcessHandle::destroyForcibly));
        steps.values().forEach(step -> step.exit.completeExceptionally(new IOException(stopped)));
        steps.clear();
    }

    /** Ends the server; it then ends every namespace it started. */
    @Override
    public void close() {
        synchronized (requests) {
            stopped = "the sandbox fork server was closed";
            try {
                requests.close();
            } catch (IOException e) {
                // The server is gone already.
            }
        }
        try {
            if (!server.waitFor(2, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    private static String script() {
        try (InputStream in = ForkServer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the driver's jar: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A step started by the server: its namespace's init once known, and its exit. */
    private static final class Forked implements StepProcess {
        private final CompletableFuture<Optional<ProcessHandle>> init = new CompletableFuture<>();
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        @Override
        public Optional<ProcessHandle> root() {
            // A cancel may come between the request and the server's "started": wait for either line.
            try {
                CompletableFuture.anyOf(init, exit).get(STARTED_WITHIN_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Nothing started, or the server is gone: there is nothing to signal.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return init.getNow(Optional.empty()).filter(ProcessHandle::isAlive);
        }

        @Override
        public boolean waitFor(long millis) throws InterruptedException {
            try {
                exit.get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return true;
            }
        }

        @Override
        public int exitCode() throws InterruptedException {
            try {
                return exit.get();
            } catch (ExecutionException e) {
                throw new UncheckedIOException((IOException) e.getCause());
            }
        }
    }
}
