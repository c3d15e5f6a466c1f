package dev.baton.artifact.s3;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.ArtifactStoreProvider;
import java.io.IOException;
import java.util.Map;

/**
 * Creates {@link S3ArtifactStore}s (kind {@code s3}) from the server's configuration; unset settings fall back to
 * the {@code BATON_S3_*} environment variables (see {@link S3StoreSettings#from}).
 */
public final class S3ArtifactStoreProvider implements ArtifactStoreProvider {
    public static final String KIND = "s3";

    private final Map<String, String> environment;

    /** Reads fallbacks from the process environment; used by {@link java.util.ServiceLoader}. */
    public S3ArtifactStoreProvider() {
        this(System.getenv());
    }

    public S3ArtifactStoreProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ArtifactStore create(Map<String, String> settings) throws IOException {
        return new S3ArtifactStore(S3StoreSettings.from(settings, environment));
    }
}
