package dev.baton.artifact.fs;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.ArtifactStoreProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Creates {@link FilesystemArtifactStore}s (kind {@code filesystem}); the one setting, {@code root}, is the directory. */
public final class FilesystemArtifactStoreProvider implements ArtifactStoreProvider {
    public static final String KIND = "filesystem";
    public static final String ROOT = "root";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ArtifactStore create(Map<String, String> settings) throws IOException {
        String root = settings.get(ROOT);
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("the '" + KIND + "' artifact store needs the setting '" + ROOT
                    + "': the directory to keep blobs in, e.g. ~/.baton/artifacts");
        }
        return new FilesystemArtifactStore(expandHome(root.strip()));
    }

    private static Path expandHome(String root) {
        if (root.equals("~") || root.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), root.substring(1));
        }
        return Path.of(root);
    }
}
