package dev.baton.testkit.artifact;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import dev.baton.spi.artifact.CorruptBlobException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An artifact store that keeps blobs in memory, for unit tests of code that stores and reads artifacts. */
public final class InMemoryArtifactStore implements ArtifactStore {
    private static final String DIGEST_PATTERN = "sha256:[0-9a-f]{64}";

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Path localFileDirectory;
    private final boolean ownsLocalFileDirectory;
    private volatile boolean closed;

    /** Local copies for {@link #localFile} go to a temporary directory deleted on {@link #close()}. */
    public InMemoryArtifactStore() throws IOException {
        this.localFileDirectory = Files.createTempDirectory("baton-in-memory-store-");
        this.ownsLocalFileDirectory = true;
    }

    /** Local copies for {@link #localFile} go to {@code localFileDirectory}, which the caller cleans up. */
    public InMemoryArtifactStore(Path localFileDirectory) throws IOException {
        this.localFileDirectory = Files.createDirectories(localFileDirectory);
        this.ownsLocalFileDirectory = false;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.transferTo(bytes);
        byte[] stored = bytes.toByteArray();
        String digest = SyntheticContent.sha256Of(stored);
        blobs.putIfAbsent(digest, stored);
        return new BlobRef(digest, stored.length);
    }

    @Override
    public InputStream open(String digest) throws IOException {
        ensureOpen();
        byte[] bytes = existing(digest);
        String actual = SyntheticContent.sha256Of(bytes);
        return new FailingAtEndInputStream(bytes, actual.equals(digest) ? null : mismatch(digest, actual));
    }

    @Override
    public Path localFile(String digest) throws IOException {
        ensureOpen();
        byte[] bytes = existing(digest);
        String actual = SyntheticContent.sha256Of(bytes);
        if (!actual.equals(digest)) {
            throw mismatch(digest, actual);
        }
        Path local = localFileDirectory.resolve(digest.substring("sha256:".length()));
        if (!Files.exists(local)) {
            Path temp = Files.createTempFile(localFileDirectory, "copy-", ".part");
            Files.write(temp, bytes);
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString("r--r--r--"));
            }
            Files.move(temp, local, StandardCopyOption.ATOMIC_MOVE);
        }
        return local;
    }

    @Override
    public boolean contains(String digest) {
        ensureOpen();
        return blobs.containsKey(checked(digest));
    }

    @Override
    public Optional<Long> size(String digest) {
        ensureOpen();
        return Optional.ofNullable(blobs.get(checked(digest))).map(bytes -> (long) bytes.length);
    }

    @Override
    public int collectGarbage(Set<String> live) {
        ensureOpen();
        int before = blobs.size();
        blobs.keySet().removeIf(digest -> !live.contains(digest));
        return before - blobs.size();
    }

    /** Damages a stored blob (flips its first byte, or adds one to an empty blob) so tests can watch it being detected. */
    public void corrupt(String digest) throws NoSuchFileException {
        blobs.compute(checked(digest), (key, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0) {
                return new byte[] {42};
            }
            byte[] damaged = bytes.clone();
            damaged[0] ^= 0x01;
            return damaged;
        });
        if (!blobs.containsKey(digest)) {
            throw new NoSuchFileException(digest, null, "no blob " + digest + " in the in-memory store");
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (ownsLocalFileDirectory && Files.exists(localFileDirectory)) {
            deleteTree(localFileDirectory);
        }
    }

    private byte[] existing(String digest) throws NoSuchFileException {
        byte[] bytes = blobs.get(checked(digest));
        if (bytes == null) {
            throw new NoSuchFileException(digest, null, "no blob " + digest + " in the in-memory store");
        }
        return bytes;
    }

    private static String checked(String digest) {
        if (digest == null || !digest.matches(DIGEST_PATTERN)) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return digest;
    }

    private static CorruptBlobException mismatch(String expected, String actual) {
        return new CorruptBlobException("blob " + expected + " is corrupt: its bytes hash to " + actual);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the in-memory artifact store is closed");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Yields the stored bytes, then throws the corruption (if any) where a reader reaches the end. */
    private static final class FailingAtEndInputStream extends InputStream {
        private final byte[] bytes;
        private final CorruptBlobException corruption;
        private int position;

        FailingAtEndInputStream(byte[] bytes, CorruptBlobException corruption) {
            this.bytes = bytes;
            this.corruption = corruption;
        }

        @Override
        public int read() throws IOException {
            if (position == bytes.length) {
                return endOfStream();
            }
            return bytes[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == bytes.length) {
                return endOfStream();
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }

        private int endOfStream() throws CorruptBlobException {
            if (corruption != null) {
                throw new CorruptBlobException(corruption.getMessage());
            }
            return -1;
        }
    }
}
