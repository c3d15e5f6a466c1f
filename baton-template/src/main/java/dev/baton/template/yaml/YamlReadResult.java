package dev.baton.template.yaml;

import dev.baton.template.Problem;

import java.util.List;

/** The documents read from one file and the problems found while reading them. */
public record YamlReadResult(List<YamlDocument> documents, List<Problem> problems) {
    public YamlReadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
