package dev.baton.template.yaml;

import dev.baton.template.Problem;

import java.util.List;

/** The manifests read from one file and every problem found reading and binding them. */
public record ManifestReadResult(List<ManifestDocument> documents, List<Problem> problems) {
    public ManifestReadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
