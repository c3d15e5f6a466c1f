package dev.baton.artifact.fs;

import java.nio.file.Path;

/** A fully written, synced and read-only temporary file together with the digest of its bytes. */
record WrittenBlob(Path tempFile, String digest, long size) {
}
