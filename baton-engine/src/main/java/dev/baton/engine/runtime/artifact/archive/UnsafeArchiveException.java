package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;

/** An archive or directory that would place files outside where they belong, or contains what Baton refuses to copy. */
public final class UnsafeArchiveException extends IOException {
    public UnsafeArchiveException(String message) {
        super(message);
    }
}
