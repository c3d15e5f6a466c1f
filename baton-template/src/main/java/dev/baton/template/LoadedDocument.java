package dev.baton.template;

import dev.baton.model.spec.Manifest;

import java.nio.file.Path;

/** One manifest read from a file; {@code index} counts the file's documents from 0. */
public record LoadedDocument(Path file, int index, Manifest manifest) {
}
