package dev.baton.artifact.s3;

import dev.baton.spi.artifact.Sha256;
import dev.baton.spi.artifact.CorruptBlobException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified, read-only copies of blobs on this machine ({@code <dir>/sha256/<aa>/<rest>}), downloaded once and reused
 * while they stay intact; a copy that changed on disk is hashed again and replaced if damaged.
 */
final class LocalBlobCache {
    private static final Set<PosixFilePermission> READ_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    /** Opens a blob's bytes, failing with {@link CorruptBlobException} at the end if they do not match. */
    @FunctionalInterface
    interface VerifiedSource {
        InputStream open(String digest) throws IOException;
    }

    private final Path directory;
    private final Path temp;
    private final boolean owned;
    private final VerifiedSource source;
    private final ConcurrentHashMap<Path, IncomingBlob.FileVersion> intact = new ConcurrentHashMap<>();
    private final SingleFlight<Path> downloads = new SingleFlight<>();

    /** @param owned whether the directory is the store's own, deleted on {@link #delete()} */
    LocalBlobCache(Path directory, boolean owned, VerifiedSource source) throws IOException {
        this.directory = directory.toAbsolutePath().normalize();
        this.temp = this.directory.resolve("tmp");
        this.owned = owned;
        this.source = source;
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new IOException("cannot create the S3 artifact cache directory " + temp + ": " + e.getMessage(), e);
        }
    }

    /** Where the store may put temporary files on the cache's file system. */
    Path tempDirectory() {
        return temp;
    }

    Path localFile(String digest, String hexPath) throws IOException {
        Path cached = directory.resolve("sha256").resolve(hexPath);
        if (isIntact(cached, digest)) {
            return cached;
        }
        return downloads.run(digest, () -> isIntact(cached, digest) ? cached : download(digest, cached));
    }

    /** Drops the copy of a blob that no longer exists in the bucket. */
    void forget(String hexPath) throws IOException {
        Path cached = directory.resolve("sha256").resolve(hexPath);
        intact.remove(cached);
        Files.deleteIfExists(cached);
    }

    /** Deletes the directory if the store created it. */
    void delete() throws IOException {
        if (owned && Files.exists(directory)) {
            deleteTree(directory);
        }
    }

    private boolean isIntact(Path cached, String digest) throws IOException {
        if (!Files.isRegularFile(cached)) {
            return false;
        }
        IncomingBlob.FileVersion version = IncomingBlob.FileVersion.of(cached);
        if (version.equals(intact.get(cached))) {
            return true;
        }
        if (Sha256.ofFile(cached).equals(digest)) {
            intact.put(cached, version);
            return true;
        }
        // Damaged on this machine, not in the bucket: fetch it again.
        intact.remove(cached);
        Files.deleteIfExists(cached);
        return false;
    }

    private Path download(String digest, Path cached) throws IOException {
        Path part = Files.createTempFile(temp, "download-", ".part");
        try {
            try (InputStream in = source.open(digest)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            makeReadOnly(part);
            Files.createDirectories(cached.getParent());
            Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            intact.put(cached, IncomingBlob.FileVersion.of(cached));
            return cached;
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(READ_ONLY);
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("cannot make " + file + " read-only");
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
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
