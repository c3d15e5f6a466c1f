package dev.baton.spi.artifact;

/**
 * The address and size of a stored blob.
 *
 * @param digest {@code sha256:<64 hex digits>}
 * @param size   bytes
 */
public record BlobRef(String digest, long size) {
    public BlobRef {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
    }
}
