package dev.baton.template;

import java.util.List;

/** The manifests read from some files, and every problem found in them, sorted by file and line. */
public record LoadResult(List<LoadedDocument> documents, List<Problem> problems) {
    public LoadResult {
        documents = List.copyOf(documents);
        problems = problems.stream().sorted(Problem.BY_LOCATION).toList();
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
