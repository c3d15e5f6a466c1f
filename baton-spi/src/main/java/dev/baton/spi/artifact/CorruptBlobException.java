package dev.baton.spi.artifact;

import java.io.IOException;

/** A stored blob whose bytes no longer match its address. */
public final class CorruptBlobException extends IOException {
    public CorruptBlobException(String message) {
        super(message);
    }
}
