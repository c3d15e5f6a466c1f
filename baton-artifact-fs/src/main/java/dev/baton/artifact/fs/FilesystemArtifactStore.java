package dev.baton.artifact.fs;

import dev.baton.spi.artifact.Sha256;
import dev.baton.spi.artifact.VerifyingInputStream;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A content-addressed artifact store in a local directory: blobs are read-only files at
 * {@code <root>/sha256/<aa>/<rest of hex>}, written through {@code <root>/tmp} and renamed into place atomically.
 */
public final class FilesystemArtifactStore implements ArtifactStore {
    /** Temporary files older than this belong to writers that died; garbage collection removes them. */
    public static final Duration STALE_TEMP_FILE_AGE = Duration.ofHours(1);

    private final BlobLayout layout;
    private final Clock clock;
    private final TempBlobWriter writer;
    private final BlobVerification verification = new BlobVerification();
    private final AtomicBoolean closed = new AtomicBoolean();

    public FilesystemArtifactStore(Path root) throws IOException {
        this(root, Clock.systemUTC());
    }

    /** @param clock decides which temporary files are stale */
    public FilesystemArtifactStore(Path root, Clock clock) throws IOException {
        this.layout = new BlobLayout(root);
        this.clock = clock;
        try {
            Files.createDirectories(layout.blobsDirectory());
            Files.createDirectories(layout.tempDirectory());
        } catch (IOException e) {
            throw new IOException("cannot create the artifact store directories under " + layout.root() + ": "
                    + e.getMessage(), e);
        }
        this.writer = new TempBlobWriter(layout.tempDirectory());
    }

    /** The directory the store keeps its blobs in. */
    public Path root() {
        return layout.root();
    }

    @Override
    public BlobRef put(Path file) throws IOException {
        ensureOpen();
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        }
    }

    @Override
    public BlobRef put(InputStream content) throws IOException {
        ensureOpen();
        WrittenBlob written = writer.write(content);
        try {
            return commit(written);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(written.tempFile());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private BlobRef commit(WrittenBlob written) throws IOException {
        BlobRef ref = new BlobRef(written.digest(), written.size());
        Path target = layout.blobFile(written.digest());
        if (alreadyStored(target, written.size())) {
            Files.delete(written.tempFile());
            return ref;
        }
        Path fanOut = target.getParent();
        Files.createDirectories(fanOut);
        try {
            // Two writers of the same bytes may both get here; the second rename replaces identical bytes.
            Files.move(written.tempFile(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot store blob: " + layout.tempDirectory() + " and " + fanOut
                    + " must be on one file system so blobs appear atomically", e);
        }
        syncDirectory(fanOut);
        verification.recordIntact(target);
        return ref;
    }

    private static boolean alreadyStored(Path target, long size) throws IOException {
        try {
            return Files.size(target) == size;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Makes the rename durable; some platforms cannot open directories, and there the rename is still atomic. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort only: durability of the directory entry, not correctness of the blob
        }
    }

    @Override
    public InputStream open(String digest) throws IOException {
        ensureOpen();
        Path file = existingBlob(digest);
        return new VerifyingInputStream(new BufferedInputStream(Files.newInputStream(file), Sha256.BUFFER_SIZE),
                digest, (expected, actual) -> CorruptBlobs.mismatch(expected, actual, file));
    }

    @Override
    public Path localFile(String digest) throws IOException {
        ensureOpen();
        Path file = existingBlob(digest);
        verification.verify(file, digest);
        return file;
    }

    @Override
    public boolean contains(String digest) throws IOException {
        ensureOpen();
        return Files.isRegularFile(layout.blobFile(digest));
    }

    @Override
    public Optional<Long> size(String digest) throws IOException {
        ensureOpen();
        try {
            return Optional.of(Files.size(layout.blobFile(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public int collectGarbage(Set<String> live) throws IOException {
        ensureOpen();
        int deleted = 0;
        try (DirectoryStream<Path> fanOuts = Files.newDirectoryStream(layout.blobsDirectory(), Files::isDirectory)) {
            for (Path fanOut : fanOuts) {
                deleted += collectIn(fanOut, live);
            }
        }
        deleteStaleTempFiles();
        return deleted;
    }

    /** Fan-out directories stay even when empty: a writer may be about to rename a blob into one. */
    private int collectIn(Path fanOut, Set<String> live) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(fanOut)) {
            for (Path file : files) {
                Optional<String> digest = layout.digestOf(fanOut, file);
                if (digest.isPresent() && !live.contains(digest.get()) && Files.deleteIfExists(file)) {
                    verification.forget(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private void deleteStaleTempFiles() throws IOException {
        Instant staleBefore = clock.instant().minus(STALE_TEMP_FILE_AGE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(layout.tempDirectory())) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).toInstant().isBefore(staleBefore)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (NoSuchFileException e) {
                    // its writer finished or gave up meanwhile
                }
            }
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }

    private Path existingBlob(String digest) throws IOException {
        Path file = layout.blobFile(digest);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no blob " + digest + " in the artifact store at "
                    + layout.root());
        }
        return file;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the artifact store at " + layout.root() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "FilesystemArtifactStore[" + layout.root() + "]";
    }
}
