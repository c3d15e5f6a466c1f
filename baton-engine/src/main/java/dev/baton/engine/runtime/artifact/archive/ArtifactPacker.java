package dev.baton.engine.runtime.artifact.archive;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Puts a step's output file or directory into an artifact store: a file as its raw bytes, a directory as a tarball. */
public final class ArtifactPacker {

    /**
     * Stores {@code source} (following it if it is itself a link). A file keeps its bytes unchanged, so it can
     * later be hard-linked into another step; a directory is streamed as a deterministic {@code .tar.gz}.
     *
     * @throws NoSuchFileException     if {@code source} does not exist
     * @throws UnsafeArchiveException if the directory holds a link pointing outside it, or a socket, pipe or device
     */
    public PackedArtifact pack(Path source, ArtifactStore store) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(source, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(source.toString(), null, "the artifact path " + source + " does not exist");
        }
        if (attributes.isRegularFile()) {
            return new PackedArtifact(store.put(source), false);
        }
        if (attributes.isDirectory()) {
            return new PackedArtifact(packDirectory(source, store), true);
        }
        throw new UnsafeArchiveException("cannot store " + source + ": an artifact must be a regular file or a directory");
    }

    private static BlobRef packDirectory(Path directory, ArtifactStore store) throws IOException {
        try (ProducedInputStream tarball = ProducedInputStream.start("tar " + directory.getFileName(),
                out -> DirectoryTarball.write(directory, out))) {
            try {
                return store.put(tarball);
            } catch (IOException e) {
                throw tarball.explain(e);
            }
        }
    }
}
