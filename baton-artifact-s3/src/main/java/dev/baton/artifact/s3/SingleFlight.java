package dev.baton.artifact.s3;

import dev.baton.spi.artifact.CorruptBlobException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs one piece of work per key at a time: steps fanning out from one artifact ask for the same blob at once, and
 * one thread should download or upload it while the rest wait for its result.
 */
final class SingleFlight<V> {
    /** Work that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface Work<V> {
        V run() throws IOException;
    }

    private final ConcurrentHashMap<String, FutureTask<V>> running = new ConcurrentHashMap<>();

    V run(String key, Work<V> work) throws IOException {
        FutureTask<V> task = new FutureTask<>(work::run);
        FutureTask<V> existing = running.putIfAbsent(key, task);
        if (existing == null) {
            try {
                task.run();
            } finally {
                running.remove(key, task);
            }
            existing = task;
        }
        return awaitResult(existing, key);
    }

    private static <V> V awaitResult(FutureTask<V> task, String key) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for " + key);
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    /** A fresh exception of the same kind per waiting thread, so each gets its own stack trace. */
    private static IOException rethrowable(Throwable cause) {
        if (cause instanceof CorruptBlobException corrupt) {
            return new CorruptBlobException(corrupt.getMessage());
        }
        if (cause instanceof NoSuchFileException missing) {
            return new NoSuchFileException(missing.getFile(), missing.getOtherFile(), missing.getReason());
        }
        if (cause instanceof InterruptedIOException interrupted) {
            InterruptedIOException copy = new InterruptedIOException(interrupted.getMessage());
            copy.initCause(interrupted);
            return copy;
        }
        if (cause instanceof IOException io) {
            return new IOException(io.getMessage(), io);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("unexpected failure", cause);
    }
}
