package dev.baton.spi.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hands out a blob's bytes while hashing them, and fails at end of stream if they do not match the digest, so a
 * corrupted blob is reported to whoever reads it instead of being handed on. Every artifact store's reads go
 * through one.
 */
public final class VerifyingInputStream extends FilterInputStream {
    /** Words the failure for a blob whose bytes hash to {@code actual} instead of {@code expected}. */
    @FunctionalInterface
    public interface Mismatch {
        IOException describe(String expected, String actual);
    }

    private final MessageDigest digest = Sha256.newDigest();
    private final String expected;
    private final Mismatch mismatch;
    private final Runnable closedEarly;
    private boolean atEnd;

    /**
     * @param closedEarly run when the stream is closed before its end (e.g. to abort an HTTP response instead of
     *                    draining the rest of a large object)
     */
    public VerifyingInputStream(InputStream in, String expected, Mismatch mismatch, Runnable closedEarly) {
        super(in);
        this.expected = expected;
        this.mismatch = mismatch;
        this.closedEarly = closedEarly;
    }

    public VerifyingInputStream(InputStream in, String expected, Mismatch mismatch) {
        this(in, expected, mismatch, () -> {
        });
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            checkAtEnd();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            checkAtEnd();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes must still be hashed, so skipping reads them. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Sha256.BUFFER_SIZE, Math.max(n, 0))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported by a verifying blob stream");
    }

    @Override
    public void close() throws IOException {
        if (!atEnd) {
            closedEarly.run();
        }
        super.close();
    }

    private void checkAtEnd() throws IOException {
        if (!atEnd) {
            atEnd = true;
            String actual = Sha256.format(digest);
            if (!actual.equals(expected)) {
                throw mismatch.describe(expected, actual);
            }
        }
    }
}
