package dev.baton.server;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import dev.baton.artifact.s3.S3ArtifactStoreProvider;
import dev.baton.spi.artifact.ArtifactStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the artifact store: the filesystem store under {@code $BATON_HOME/artifacts} by default, or an
 * S3-compatible bucket when {@code BATON_ARTIFACT_STORE=s3} (configured by {@code BATON_S3_*}).
 */
public final class ArtifactStores {
    private ArtifactStores() {
    }

    public static ArtifactStore open(Path home) throws IOException {
        String kind = System.getenv("BATON_ARTIFACT_STORE");
        if (kind == null || kind.isBlank() || kind.equals("filesystem")) {
            return new FilesystemArtifactStore(home.resolve("artifacts"));
        }
        if (kind.equals("s3")) {
            return new S3ArtifactStoreProvider().create(Map.of());
        }
        throw new IllegalArgumentException("BATON_ARTIFACT_STORE must be filesystem or s3, not '" + kind + "'");
    }
}
