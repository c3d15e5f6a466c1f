package dev.baton.engine.runtime.artifact.archive;

/** Argo's {@code archive:} strategies, which decide what is stored under an artifact's key outside Baton. */
public enum ArchiveFormat {
    /** {@code archive: {tar: {}}}, Argo's default: a gzip-compressed tar holding the file or directory. */
    TGZ(".tgz"),
    /** {@code archive: {none: {}}}: a file's raw bytes. */
    NONE(""),
    /** {@code archive: {zip: {}}}: a zip holding the file or directory. */
    ZIP(".zip");

    private final String keySuffix;

    ArchiveFormat(String keySuffix) {
        this.keySuffix = keySuffix;
    }

    /** What Argo appends to {@code <keyFormat>/<artifact name>} to form the object key. */
    public String keySuffix() {
        return keySuffix;
    }
}
