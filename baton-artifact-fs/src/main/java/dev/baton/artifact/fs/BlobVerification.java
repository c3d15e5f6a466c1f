package dev.baton.artifact.fs;

import dev.baton.spi.artifact.Sha256;
import dev.baton.spi.artifact.CorruptBlobException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Checks blob files against their digests and remembers which versions (size, mtime, inode) were found
 * intact, so a 1 GiB blob is hashed once per process rather than on every {@code localFile}.
 */
final class BlobVerification {
    private final ConcurrentHashMap<Path, FileState> intact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, FutureTask<FileState>> running = new ConcurrentHashMap<>();

    /** Throws {@link CorruptBlobException} unless the file's bytes hash to {@code digest}. */
    void verify(Path file, String digest) throws IOException {
        if (FileState.of(file).equals(intact.get(file))) {
            return;
        }
        // Steps fanning out from one artifact ask for the same blob at once: one thread hashes, the rest wait.
        FutureTask<FileState> task = new FutureTask<>(() -> hashAndCompare(file, digest));
        FutureTask<FileState> existing = running.putIfAbsent(file, task);
        if (existing == null) {
            try {
                task.run();
            } finally {
                running.remove(file, task);
            }
            existing = task;
        }
        awaitResult(existing, file);
    }

    /** Records a file the store has just written from bytes it hashed itself. */
    void recordIntact(Path file) throws IOException {
        intact.put(file, FileState.of(file));
    }

    void forget(Path file) {
        intact.remove(file);
    }

    private FileState hashAndCompare(Path file, String digest) throws IOException {
        FileState before = FileState.of(file);
        String actual = Sha256.ofFile(file);
        if (!actual.equals(digest)) {
            intact.remove(file);
            throw CorruptBlobs.mismatch(digest, actual, file);
        }
        if (before.equals(FileState.of(file))) {
            intact.put(file, before);
        }
        return before;
    }

    private static void awaitResult(FutureTask<FileState> task, Path file) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while verifying " + file);
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CorruptBlobException corrupt) {
                throw new CorruptBlobException(corrupt.getMessage());
            }
            if (cause instanceof IOException io) {
                throw new IOException("cannot verify " + file + ": " + io.getMessage(), io);
            }
            throw new IllegalStateException("verifying " + file + " failed unexpectedly", cause);
        }
    }
}
