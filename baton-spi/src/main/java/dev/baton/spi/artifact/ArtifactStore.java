package dev.baton.spi.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Content-addressed storage for artifacts, logs and large values. A blob is named by the SHA-256 of
 * its bytes; storing the same bytes twice stores them once. A blob is either visible whole or not at
 * all, and its bytes are verified when read.
 */
public interface ArtifactStore extends AutoCloseable {

    /** Stores a file's bytes (the file is not moved or changed) and returns its address. */
    BlobRef put(Path file) throws IOException;

    /** Stores everything a stream yields (read to its end, not closed) and returns its address. */
    BlobRef put(InputStream content) throws IOException;

    /** Opens a blob for reading; the stream fails with {@link CorruptBlobException} if the bytes do not match. */
    InputStream open(String digest) throws IOException;

    /**
     * A path to the blob's bytes on this machine, verified, that must not be modified: the store's own file
     * where it keeps blobs on a local file system (so callers may hard-link it), or a verified cached copy.
     */
    Path localFile(String digest) throws IOException;

    /** Whether the blob exists. */
    boolean contains(String digest) throws IOException;

    /** The size of a stored blob. */
    Optional<Long> size(String digest) throws IOException;

    /** Deletes every blob whose digest is not in {@code live}; returns how many were deleted. */
    int collectGarbage(Set<String> live) throws IOException;

    /** Releases clients and connections. */
    @Override
    void close() throws IOException;
}
