package dev.baton.testkit.artifact;

import dev.baton.spi.artifact.ArtifactStore;
import java.io.IOException;
import java.nio.file.Path;

/** Runs the artifact store contract against the in-memory store that unit tests elsewhere rely on. */
class InMemoryArtifactStoreTest extends ArtifactStoreContract {

    @Override
    protected ArtifactStore newStore(Path tempDir) throws IOException {
        return new InMemoryArtifactStore(tempDir.resolve("local-copies"));
    }

    @Override
    protected void corrupt(ArtifactStore store, String digest) throws IOException {
        ((InMemoryArtifactStore) store).corrupt(digest);
    }
}
