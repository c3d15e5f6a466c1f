package dev.baton.artifact.s3;

import dev.baton.spi.artifact.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * Hands out an object's bytes while hashing them and fails at end of stream if they do not match the digest.
 * Closed before the end, it aborts the HTTP response rather than draining the rest of a large object.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final ResponseInputStream<?> response;
    private final MessageDigest digest = Sha256.newDigest();
    private final String expected;
    private final String location;
    private boolean atEnd;

    VerifyingInputStream(ResponseInputStream<?> response, String expected, String location) {
        super(response);
        this.response = response;
        this.expected = expected;
        this.location = location;
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
            response.abort();
        }
        super.close();
    }

    private void checkAtEnd() throws IOException {
        if (!atEnd) {
            atEnd = true;
            String actual = Sha256.format(digest);
            if (!actual.equals(expected)) {
                throw CorruptBlobs.mismatch(expected, actual, location);
            }
        }
    }
}
