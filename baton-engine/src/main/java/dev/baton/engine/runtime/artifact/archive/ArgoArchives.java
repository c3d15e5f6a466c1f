package dev.baton.engine.runtime.artifact.archive;

import dev.baton.spi.artifact.ArtifactStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Converts between Baton's packed artifacts and the objects Argo keeps under an artifact's key
 * ({@code <name>.tgz}, {@code <name>.zip}, or raw bytes for {@code archive: none}), in both directions,
 * streaming.
 */
public final class ArgoArchives {
    private static final int FILE_MODE = 0100644;
    private static final int DIRECTORY_MODE = 040755;
    private static final int LINK_MODE = 0120777;
    private static final FileTime UNKNOWN_TIME = FileTime.fromMillis(0);

    /**
     * Writes what Argo would store for {@code artifact}: for {@link ArchiveFormat#TGZ} and {@link ArchiveFormat#ZIP}
     * an archive whose single top-level entry is {@code name} (the file, or the directory with everything in it);
     * for {@link ArchiveFormat#NONE} a file's raw bytes. {@code out} is not closed. The blob is verified as it is
     * read, so on {@link dev.baton.spi.artifact.CorruptBlobException} the bytes already written must be discarded.
     *
     * @param name the base name of the artifact's path, e.g. {@code hello.txt} for {@code /tmp/hello.txt}
     * @throws IllegalArgumentException for a directory with {@link ArchiveFormat#NONE}, which is not one object
     */
    public void export(PackedArtifact artifact, ArtifactStore store, String name, ArchiveFormat format,
            OutputStream out) throws IOException {
        String entryName = EntryNames.normalise(name);
        if (entryName.isEmpty() || entryName.contains("/")) {
            throw new IllegalArgumentException("an exported artifact needs a plain base name, not '" + name + "'");
        }
        try (InputStream blob = store.open(artifact.blob().digest())) {
            switch (format) {
                case NONE -> exportRaw(artifact, blob, out);
                case TGZ -> exportTgz(artifact, blob, entryName, out);
                case ZIP -> exportZip(artifact, blob, entryName, out);
            }
            blob.transferTo(OutputStream.nullOutputStream());
        }
    }

    /**
     * Places what an Argo repository holds at {@code target}: a tar, a gzip-compressed tar or a zip is unpacked
     * safely (one top-level entry becomes {@code target} itself, as Argo does; several become the contents of a
     * directory at {@code target}); anything else, and everything with {@link ArchiveFormat#NONE}, is written
     * as a file. {@code in} is read to its end and not closed.
     *
     * @throws UnsafeArchiveException if an entry would land outside {@code target}
     */
    public void importArchive(InputStream in, ArchiveFormat format, Path target) throws IOException {
        Path absoluteTarget = target.toAbsolutePath().normalize();
        BufferedInputStream buffered = new BufferedInputStream(new CloseShieldInputStream(in), 64 * 1024);
        ArchiveDetection.Kind kind = format == ArchiveFormat.NONE ? ArchiveDetection.Kind.RAW
                : ArchiveDetection.detect(buffered);
        try (Staging staging = Staging.beside(absoluteTarget)) {
            Path result = switch (kind) {
                case RAW -> writeRaw(buffered, staging.directory().resolve("raw"));
                case TAR -> unpack(staging, tree -> TarExtraction.extract(buffered, tree, ""));
                case TAR_GZ -> unpack(staging, tree -> {
                    try (InputStream gunzipped = GzipCompressorInputStream.builder()
                            .setInputStream(new CloseShieldInputStream(buffered)).setDecompressConcatenated(true).get()) {
                        TarExtraction.extract(gunzipped, tree, "");
                    }
                });
                case ZIP -> {
                    // a zip keeps modes and links in its central directory, at the end: spool it to disk first
                    Path zip = writeRaw(buffered, staging.directory().resolve("archive.zip"));
                    yield unpack(staging, tree -> ZipExtraction.extract(zip, tree));
                }
            };
            buffered.transferTo(OutputStream.nullOutputStream());
            staging.publish(result, absoluteTarget);
        }
    }

    @FunctionalInterface
    private interface Extraction {
        void into(ExtractionTree tree) throws IOException;
    }

    private static Path unpack(Staging staging, Extraction extraction) throws IOException {
        ExtractionTree tree = new ExtractionTree(staging.directory().resolve("unpacked"));
        extraction.into(tree);
        if (tree.isEmpty()) {
            tree.directory("", PosixModes.DEFAULT_DIRECTORY);
        }
        List<Path> top;
        try (Stream<Path> children = Files.list(tree.root())) {
            top = children.toList();
        }
        Path result = top.size() == 1 && !Files.isSymbolicLink(top.get(0)) ? top.get(0) : tree.root();
        tree.checkLinksResolveInside(result);
        tree.finish();
        return result;
    }

    private static Path writeRaw(InputStream in, Path file) throws IOException {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static void exportRaw(PackedArtifact artifact, InputStream blob, OutputStream out) throws IOException {
        if (artifact.directory()) {
            throw new IllegalArgumentException("archive: none cannot hold a directory in one object; "
                    + "use the default tar archive or zip for directory artifacts");
        }
        blob.transferTo(out);
    }

    private static void exportTgz(PackedArtifact artifact, InputStream blob, String name, OutputStream out)
            throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setModificationTime(0);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(new CloseShieldOutputStream(out), parameters), "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            if (artifact.directory()) {
                TarArchiveEntry top = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
                top.setMode(DIRECTORY_MODE);
                top.setModTime(UNKNOWN_TIME);
                tar.putArchiveEntry(top);
                tar.closeArchiveEntry();
                forEachPackedEntry(blob, (entry, content) -> copyTarEntry(entry, content, name + "/", tar));
            } else {
                TarArchiveEntry file = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
                file.setMode(FILE_MODE);
                file.setSize(artifact.blob().size());
                file.setModTime(UNKNOWN_TIME);
                tar.putArchiveEntry(file);
                blob.transferTo(tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void copyTarEntry(TarArchiveEntry source, InputStream content, String prefix,
            TarArchiveOutputStream tar) throws IOException {
        String name = prefix + EntryNames.normalise(source.getName()) + (source.isDirectory() ? "/" : "");
        TarArchiveEntry copy = new TarArchiveEntry(name, source.getLinkFlag());
        copy.setMode(source.getMode());
        copy.setModTime(source.getLastModifiedTime());
        if (source.isSymbolicLink()) {
            copy.setLinkName(source.getLinkName());
        } else if (source.isLink()) {
            copy.setLinkName(prefix + EntryNames.normalise(source.getLinkName()));
        } else if (source.isFile()) {
            copy.setSize(source.getSize());
        }
        tar.putArchiveEntry(copy);
        if (source.isFile()) {
            content.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void exportZip(PackedArtifact artifact, InputStream blob, String name, OutputStream out)
            throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new CloseShieldOutputStream(out))) {
            if (artifact.directory()) {
                ZipArchiveEntry top = new ZipArchiveEntry(name + "/");
                top.setUnixMode(DIRECTORY_MODE);
                zip.putArchiveEntry(top);
                zip.closeArchiveEntry();
                forEachPackedEntry(blob, (entry, content) -> copyToZip(entry, content, name + "/", zip));
            } else {
                ZipArchiveEntry file = new ZipArchiveEntry(name);
                file.setUnixMode(FILE_MODE);
                file.setSize(artifact.blob().size());
                zip.putArchiveEntry(file);
                blob.transferTo(zip);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    private static void copyToZip(TarArchiveEntry source, InputStream content, String prefix,
            ZipArchiveOutputStream zip) throws IOException {
        String relative = EntryNames.normalise(source.getName());
        if (source.isLink()) {
            throw new UnsafeArchiveException("cannot export the hard link '" + relative + "' to a zip");
        }
        ZipArchiveEntry entry = new ZipArchiveEntry(prefix + relative + (source.isDirectory() ? "/" : ""));
        entry.setLastModifiedTime(source.getLastModifiedTime());
        if (source.isSymbolicLink()) {
            byte[] target = source.getLinkName().getBytes(StandardCharsets.UTF_8);
            entry.setUnixMode(LINK_MODE);
            entry.setSize(target.length);
            zip.putArchiveEntry(entry);
            zip.write(target);
        } else if (source.isDirectory()) {
            entry.setUnixMode(040000 | (source.getMode() & 0777));
            zip.putArchiveEntry(entry);
        } else {
            entry.setUnixMode(0100000 | (source.getMode() & 0777));
            entry.setSize(source.getSize());
            zip.putArchiveEntry(entry);
            content.transferTo(zip);
        }
        zip.closeArchiveEntry();
    }

    @FunctionalInterface
    private interface EntryVisitor {
        void visit(TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private static void forEachPackedEntry(InputStream blob, EntryVisitor visitor) throws IOException {
        try (InputStream gunzipped = new GzipCompressorInputStream(
                new BufferedInputStream(new CloseShieldInputStream(blob)))) {
            TarArchiveInputStream entries = new TarArchiveInputStream(gunzipped);
            for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                visitor.visit(entry, entries);
            }
        }
    }
}
