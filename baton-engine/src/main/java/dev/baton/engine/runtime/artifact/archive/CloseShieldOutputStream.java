package dev.baton.engine.runtime.artifact.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets an archive writer be closed (and so finished) without closing the caller's stream underneath it. */
final class CloseShieldOutputStream extends FilterOutputStream {
    CloseShieldOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
