package dev.baton.testkit.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through until a given count, then fails the way a dropped connection would. */
public final class FailingMidwayStream extends FilterInputStream {
    private final long failAfter;
    private long delivered;

    public FailingMidwayStream(InputStream in, long failAfter) {
        super(in);
        this.failAfter = failAfter;
    }

    @Override
    public int read() throws IOException {
        failIfDue();
        int b = super.read();
        if (b >= 0) {
            delivered++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        failIfDue();
        int n = super.read(buffer, offset, (int) Math.min(length, failAfter - delivered));
        if (n > 0) {
            delivered += n;
        }
        return n;
    }

    private void failIfDue() throws IOException {
        if (delivered >= failAfter) {
            throw new IOException("connection reset after " + delivered + " bytes (simulated)");
        }
    }
}
