package dev.baton.template.yaml;

/** One document of a file as a plain tree, with where its paths start. {@code index} counts from 0. */
public record YamlDocument(String file, int index, Object tree, SourceMap sources) {
}
