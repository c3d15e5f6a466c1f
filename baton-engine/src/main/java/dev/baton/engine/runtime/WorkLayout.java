package dev.baton.engine.runtime;

import dev.baton.spi.file.ContainedPath;
import dev.baton.spi.file.UnsafePathException;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where steps' private directories live under {@code $BATON_HOME/work}:
 * {@code <namespace>/<run uid>/<node id>-<attempt>}. Keyed by uid, never by a run's name, so two runs with the same
 * name (in two namespaces, or one after the other) never share a directory; every part is joined through
 * {@link ContainedPath}, so no name can lead outside.
 */
public record WorkLayout(Path root) {
    public Path runDirectory(String namespace, String uid) throws UnsafePathException {
        return ContainedPath.resolve(root, namespace, uid);
    }

    public Path attemptDirectory(String namespace, String uid, String nodeId, int attempt)
            throws UnsafePathException {
        return ContainedPath.resolve(root, namespace, uid, nodeId + "-" + attempt);
    }

    /**
     * Removes a run's directory once it holds nothing (kept work areas stay, with it). The namespace's directory
     * stays: another run may be creating its own inside at this moment.
     */
    public void removeIfEmpty(String namespace, String uid) {
        try {
            Files.deleteIfExists(runDirectory(namespace, uid));
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // kept work areas (--keep-work): leave them
        } catch (IOException e) {
            // a leftover empty directory costs nothing
        }
    }
}
