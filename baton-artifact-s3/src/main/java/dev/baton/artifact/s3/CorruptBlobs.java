package dev.baton.artifact.s3;

import dev.baton.spi.artifact.CorruptBlobException;

/** The one wording for a blob whose bytes do not match its name. */
final class CorruptBlobs {
    private CorruptBlobs() {
    }

    static CorruptBlobException mismatch(String expected, String actual, String location) {
        return new CorruptBlobException("blob " + expected + " is corrupt: the bytes of " + location + " hash to "
                + actual + "; delete that object and re-run the step that produced the artifact");
    }
}
