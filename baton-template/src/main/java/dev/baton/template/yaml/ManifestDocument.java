package dev.baton.template.yaml;

import dev.baton.model.spec.Manifest;
import dev.baton.template.Problem;

/** One document of a file bound to its manifest, with the source map that locates its paths. */
public record ManifestDocument(String file, int index, Manifest manifest, SourceMap sources) {
    /** The problem with this document's file and the line and column of its path. */
    public Problem locate(Problem problem) {
        return sources.locate(problem, file);
    }
}
