package dev.baton.artifact.fs;

import dev.baton.spi.artifact.CorruptBlobException;
import java.nio.file.Path;

/** The one wording for a blob whose bytes do not match its name. */
final class CorruptBlobs {
    private CorruptBlobs() {
    }

    static CorruptBlobException mismatch(String expected, String actual, Path file) {
        return new CorruptBlobException("blob " + expected + " is corrupt: the bytes of " + file + " hash to "
                + actual + "; delete that file and re-run the step that produced the artifact");
    }
}
