package dev.baton.testkit.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Deterministic pseudo-random bytes of any length, generated as they are read, for large-blob tests without large heaps. */
public final class SyntheticContent {
    private final long size;
    private final long seed;

    private SyntheticContent(long size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    public static SyntheticContent of(long size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return new SyntheticContent(size, seed);
    }

    public long size() {
        return size;
    }

    /** A fresh stream of the bytes; every stream yields the same bytes. */
    public InputStream stream() {
        return new Generated();
    }

    /** The {@code sha256:<hex>} digest of the bytes, computed by streaming them. */
    public String digest() {
        try (InputStream in = stream()) {
            return sha256Of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes a stream to its end in the {@code sha256:<hex>} notation. */
    public static String sha256Of(InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The {@code sha256:<hex>} digest of some bytes. */
    public static String sha256Of(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private final class Generated extends InputStream {
        private final SplittableRandom random = new SplittableRandom(seed);
        private long remaining = size;

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            remaining -= n;
            return n;
        }
    }
}
