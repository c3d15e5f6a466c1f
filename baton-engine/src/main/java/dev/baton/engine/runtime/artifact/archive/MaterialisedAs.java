package dev.baton.engine.runtime.artifact.archive;

/** How an artifact was placed at a step's path. */
public enum MaterialisedAs {
    /** A hard link to the store's read-only blob: no bytes copied, and the step cannot change them. */
    HARD_LINK,
    /** A private, writable copy of a file. */
    COPY,
    /** A directory (or a file picked by {@code subPath}) unpacked from the artifact's tarball. */
    EXTRACTED
}
