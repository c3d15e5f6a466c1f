package dev.baton.spi.artifact;

import java.io.IOException;
import java.util.Map;

/** Creates artifact stores of one kind ({@code filesystem}, {@code s3}) from configuration. */
public interface ArtifactStoreProvider {
    String kind();

    ArtifactStore create(Map<String, String> settings) throws IOException;
}
