package dev.baton.engine.runtime.artifact.archive;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * Lets a decompressor be closed without closing the caller's stream underneath it, and hides the caller's
 * mark/reset (decompressors would otherwise move the mark the caller relies on).
 */
final class CloseShieldInputStream extends FilterInputStream {
    CloseShieldInputStream(InputStream in) {
        super(in);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }
}
