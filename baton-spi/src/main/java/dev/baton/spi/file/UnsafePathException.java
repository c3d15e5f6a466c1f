package dev.baton.spi.file;

import java.io.IOException;

/** A path built from user-supplied text was refused because it could leave the directory it belongs in. */
public final class UnsafePathException extends IOException {
    public UnsafePathException(String message) {
        super(message);
    }
}
