package dev.baton.engine.runtime.artifact.archive;

import dev.baton.spi.artifact.BlobRef;
import java.util.Objects;

/**
 * An artifact as the store holds it: a file's raw bytes (so it can be hard-linked into a step), or a
 * directory as a gzip-compressed tar with entries relative to the directory, sorted by name.
 *
 * @param blob      where the bytes are
 * @param directory whether the blob is a directory tarball rather than a file's bytes
 */
public record PackedArtifact(BlobRef blob, boolean directory) {
    public PackedArtifact {
        Objects.requireNonNull(blob, "blob");
    }
}
