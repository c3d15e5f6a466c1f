package dev.baton.model.spec;

import dev.baton.model.binding.OneOf;

/** A file or directory passed into or out of a template. */
public record ArtifactSpec(
        String name,
        String path,
        Integer mode,
        String from,
        String fromExpression,
        String subPath,
        Boolean optional,
        Boolean archiveLogs,
        ArchiveStrategy archive,
        String globalName,
        Boolean recurseMode,
        Boolean deleted,
        Object artifactGC,
        @OneOf(optional = true) ArtifactLocation location) {

    public boolean isOptional() {
        return Boolean.TRUE.equals(optional);
    }

    /** How an output artifact is packed: tar+gzip (default), none or zip. */
    public record ArchiveStrategy(TarStrategy tar, Object none, Object zip) {
        /** Tar with an optional gzip level. */
        public record TarStrategy(Integer compressionLevel) {
        }

        public boolean isNone() {
            return none != null;
        }

        public boolean isZip() {
            return zip != null;
        }
    }
}
