package dev.baton.engine.runtime.artifact.repository;

import dev.baton.spi.artifact.RepositoryObjects;

import java.io.IOException;

/** Connects to a repository (secrets resolved here); the caller closes what it gets. */
@FunctionalInterface
public interface RepositoryOpener {
    RepositoryObjects open(RepositorySpec spec) throws IOException;
}
