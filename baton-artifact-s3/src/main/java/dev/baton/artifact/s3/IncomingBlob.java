package dev.baton.artifact.s3;

import dev.baton.spi.artifact.Sha256;
import dev.baton.spi.artifact.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Bytes about to be stored, hashed: small blobs are held in memory (read once, uploaded in one PUT), larger ones are
 * a file, either the caller's or a temporary copy of a stream, uploaded in parts.
 */
sealed interface IncomingBlob extends AutoCloseable {
    /** Blobs up to this size are read into memory; several writers at once must fit in a small heap. */
    int IN_MEMORY_LIMIT = 1024 * 1024;

    BlobRef ref();

    @Override
    void close() throws IOException;

    record InMemory(BlobRef ref, byte[] bytes, int length) implements IncomingBlob {
        @Override
        public void close() {
        }
    }

    /**
     * @param temporary whether the file is the store's own copy, deleted on close
     * @param hashed    the file's size and modification time when it was hashed
     */
    record OnDisk(BlobRef ref, Path file, boolean temporary, FileVersion hashed) implements IncomingBlob {
        /** Throws if the caller's file changed since it was hashed: its bytes may no longer match the digest. */
        void verifyUnchanged() throws IOException {
            if (!temporary && !FileVersion.of(file).equals(hashed)) {
                throw new IOException("cannot store " + file + ": it changed while being stored (hashed as "
                        + ref.digest() + "); store it again once nothing writes to it");
            }
        }

        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** What identifies one version of a file cheaply. */
    record FileVersion(long size, FileTime modified, Object fileKey) {
        static FileVersion of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileVersion(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        }
    }

    /** Hashes a caller's file, reading it once; a small file's bytes are kept for the upload. */
    static IncomingBlob ofFile(Path file) throws IOException {
        FileVersion version = FileVersion.of(file);
        if (version.size() <= IN_MEMORY_LIMIT) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readAllBytes();
                MessageDigest digest = Sha256.newDigest();
                digest.update(bytes);
                return new InMemory(new BlobRef(Sha256.format(digest), bytes.length), bytes, bytes.length);
            }
        }
        BlobRef ref = hashFile(file);
        return new OnDisk(ref, file, false, version);
    }

    /** Reads a stream to its end (without closing it); beyond the memory limit the bytes go to a temporary file. */
    static IncomingBlob ofStream(InputStream content, Path tempDirectory) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] head = new byte[IN_MEMORY_LIMIT + 1];
        int length = readFully(content, head, 0L);
        if (length <= IN_MEMORY_LIMIT) {
            digest.update(head, 0, length);
            return new InMemory(new BlobRef(Sha256.format(digest), length), Arrays.copyOf(head, length), length);
        }
        Path temp = Files.createTempFile(tempDirectory, "blob-", ".part");
        try {
            digest.update(head, 0, length);
            long size = spool(content, head, length, temp, digest);
            return new OnDisk(new BlobRef(Sha256.format(digest), size), temp, true, FileVersion.of(temp));
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Writes the bytes read so far and the rest of the stream to {@code temp}, hashing the rest; returns the size. */
    private static long spool(InputStream content, byte[] head, int length, Path temp, MessageDigest digest)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(head, 0, length);
            long size = length;
            byte[] buffer = new byte[Sha256.BUFFER_SIZE];
            for (int n = read(content, buffer, size); n >= 0; n = read(content, buffer, size)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            return size;
        }
    }

    private static BlobRef hashFile(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[Sha256.BUFFER_SIZE];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new BlobRef(Sha256.format(digest), size);
    }

    private static int readFully(InputStream content, byte[] buffer, long sizeSoFar) throws IOException {
        int length = 0;
        while (length < buffer.length) {
            int n = read(content, buffer, length, buffer.length - length, sizeSoFar + length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return length;
    }

    private static int read(InputStream content, byte[] buffer, long sizeSoFar) throws IOException {
        return read(content, buffer, 0, buffer.length, sizeSoFar);
    }

    private static int read(InputStream content, byte[] buffer, int offset, int length, long sizeSoFar)
            throws IOException {
        try {
            return content.read(buffer, offset, length);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot store blob: reading the content failed after " + sizeSoFar + " bytes: "
                    + e.getMessage(), e);
        }
    }
}
