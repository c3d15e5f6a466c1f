package dev.baton.engine.runtime.artifact.archive;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.CorruptBlobException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Places a stored artifact at a step's path: a file by hard link or copy, a directory by safe extraction. */
public final class ArtifactUnpacker {
    private static final int READ_ONLY = 0444;

    /**
     * Materialises {@code artifact} at {@code target}, which must not exist (an empty directory is replaced).
     *
     * @param mode       permission bits for the file or top directory (Argo's {@code mode}); {@code null} keeps the default
     * @param subPath    a file or directory inside a directory artifact; {@code null} or blank for all of it
     * @param preferLink hard-link a file artifact to the store's read-only blob when the store is on the same file
     *                   system and no other mode is asked for; the step can read but not modify it
     * @throws UnsafeArchiveException   if the tarball would write outside {@code target}
     * @throws NoSuchFileException      if {@code subPath} is not in the artifact
     * @throws IllegalArgumentException if {@code subPath} is given for a file artifact or leaves the artifact
     */
    public MaterialisedAs materialise(PackedArtifact artifact, ArtifactStore store, Path target, Integer mode,
            String subPath, boolean preferLink) throws IOException {
        Path absoluteTarget = target.toAbsolutePath().normalize();
        String selected = EntryNames.normaliseSubPath(subPath);
        if (artifact.directory()) {
            return extract(artifact, store, absoluteTarget, mode, selected);
        }
        if (!selected.isEmpty()) {
            throw new IllegalArgumentException("subPath '" + subPath + "' needs a directory artifact, but "
                    + artifact.blob().digest() + " is a single file");
        }
        return placeFile(artifact, store, absoluteTarget, mode, preferLink);
    }

    private static MaterialisedAs placeFile(PackedArtifact artifact, ArtifactStore store, Path target, Integer mode,
            boolean preferLink) throws IOException {
        Staging.refuseExisting(target);
        Path source = store.localFile(artifact.blob().digest());
        Path parent = Files.createDirectories(target.getParent());
        if (preferLink && (mode == null || (mode & 0777) == READ_ONLY)) {
            try {
                Files.createLink(target, source);
                return MaterialisedAs.HARD_LINK;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (FileSystemException | UnsupportedOperationException e) {
                // another file system, or links not permitted here: fall back to a copy
            }
        }
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".partial");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            PosixModes.apply(temp, mode == null ? PosixModes.DEFAULT_FILE : mode);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return MaterialisedAs.COPY;
    }

    private static MaterialisedAs extract(PackedArtifact artifact, ArtifactStore store, Path target, Integer mode,
            String selected) throws IOException {
        try (Staging staging = Staging.beside(target)) {
            ExtractionTree tree = new ExtractionTree(staging.directory().resolve("artifact"));
            try (InputStream blob = store.open(artifact.blob().digest())) {
                extractVerified(blob, tree, selected);
            }
            if (tree.isEmpty()) {
                if (!selected.isEmpty()) {
                    throw new NoSuchFileException(target.toString(), null, "subPath '" + selected
                            + "' is not in artifact " + artifact.blob().digest());
                }
                tree.directory("", PosixModes.DEFAULT_DIRECTORY);
            }
            tree.finish();
            if (mode != null) {
                PosixModes.apply(tree.root(), mode);
            }
            staging.publish(tree.root(), target);
        }
        return MaterialisedAs.EXTRACTED;
    }

    /** Reads the blob to its end, where the store checks its digest, and reports corruption rather than a tar error. */
    private static void extractVerified(InputStream blob, ExtractionTree tree, String selected) throws IOException {
        try (InputStream gunzipped = new GzipCompressorInputStream(
                new BufferedInputStream(new CloseShieldInputStream(blob)))) {
            TarExtraction.extract(gunzipped, tree, selected);
        } catch (IOException e) {
            if (e instanceof UnsafeArchiveException) {
                throw e;
            }
            try {
                blob.transferTo(OutputStream.nullOutputStream());
            } catch (CorruptBlobException corrupt) {
                corrupt.addSuppressed(e);
                throw corrupt;
            } catch (IOException drainFailure) {
                e.addSuppressed(drainFailure);
            }
            throw e;
        }
        blob.transferTo(OutputStream.nullOutputStream());
    }
}
