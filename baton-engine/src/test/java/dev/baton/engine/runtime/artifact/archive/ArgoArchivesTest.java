package dev.baton.engine.runtime.artifact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting artifacts in Argo's archive formats and importing them back. */
class ArgoArchivesTest {
    @TempDir
    Path temp;
    private FilesystemArtifactStore store;
    private final ArgoArchives archives = new ArgoArchives();
    private final ArtifactPacker packer = new ArtifactPacker();

    @BeforeEach
    void openStore() throws IOException {
        store = new FilesystemArtifactStore(temp.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private PackedArtifact packedFile(String content) throws IOException {
        return packer.pack(Files.writeString(temp.resolve("hello.txt"), content), store);
    }

    private Path sampleDirectory() throws IOException {
        Path out = Files.createDirectories(temp.resolve("producer/out"));
        Files.writeString(out.resolve("a.txt"), "alpha");
        Files.createDirectories(out.resolve("sub/empty"));
        Files.writeString(out.resolve("sub/run.sh"), "echo hi");
        Files.setPosixFilePermissions(out.resolve("sub/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(out.resolve("link"), Path.of("a.txt"));
        return out;
    }

    private byte[] export(PackedArtifact artifact, String name, ArchiveFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archives.export(artifact, store, name, format, out);
        return out.toByteArray();
    }

    private static List<String> tgzEntryNames(byte[] tgz) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void keySuffixesFollowArgo() {
        assertThat(ArchiveFormat.TGZ.keySuffix()).isEqualTo(".tgz");
        assertThat(ArchiveFormat.ZIP.keySuffix()).isEqualTo(".zip");
        assertThat(ArchiveFormat.NONE.keySuffix()).isEmpty();
    }

    @Test
    void aFileExportsAsATgzHoldingItUnderItsBaseNameAndImportsBackAsAFile() throws IOException {
        byte[] tgz = export(packedFile("hello\n"), "hello.txt", ArchiveFormat.TGZ);

        assertThat(tgzEntryNames(tgz)).containsExactly("hello.txt");
        Path target = temp.resolve("consumer/hello.txt");
        archives.importArchive(new ByteArrayInputStream(tgz), ArchiveFormat.TGZ, target);
        assertThat(target).isRegularFile().hasContent("hello\n");
    }

    @Test
    void aDirectoryExportsAsATgzUnderItsBaseNameAndImportsBackIdentical() throws IOException {
        Path source = sampleDirectory();
        byte[] tgz = export(packer.pack(source, store), "out", ArchiveFormat.TGZ);

        assertThat(tgzEntryNames(tgz)).startsWith("out/").contains("out/a.txt", "out/sub/run.sh", "out/link")
                .allMatch(name -> name.startsWith("out/"));
        Path target = temp.resolve("consumer/in");
        archives.importArchive(new ByteArrayInputStream(tgz), ArchiveFormat.TGZ, target);
        assertThat(TreeSnapshot.of(target)).isEqualTo(TreeSnapshot.of(source));
    }

    @Test
    void zipRoundTripsFilesAndDirectories() throws IOException {
        Path source = sampleDirectory();
        byte[] zip = export(packer.pack(source, store), "out", ArchiveFormat.ZIP);
        byte[] zippedFile = export(packedFile("hello\n"), "hello.txt", ArchiveFormat.ZIP);

        List<String> names = new ArrayList<>();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("out/", "out/a.txt", "out/sub/run.sh");
        archives.importArchive(new ByteArrayInputStream(zip), ArchiveFormat.ZIP, temp.resolve("consumer/in"));
        archives.importArchive(new ByteArrayInputStream(zippedFile), ArchiveFormat.ZIP, temp.resolve("consumer/f"));
        assertThat(TreeSnapshot.of(temp.resolve("consumer/in"))).isEqualTo(TreeSnapshot.of(source));
        assertThat(temp.resolve("consumer/f")).hasContent("hello\n");
    }

    @Test
    void archiveNoneIsTheRawBytesOfAFileAndNeverUnpacked() throws IOException {
        byte[] tgz = export(packedFile("hello\n"), "hello.txt", ArchiveFormat.TGZ);

        assertThat(export(packedFile("hello\n"), "hello.txt", ArchiveFormat.NONE))
                .isEqualTo("hello\n".getBytes(StandardCharsets.UTF_8));
        Path target = temp.resolve("consumer/kept.tgz");
        archives.importArchive(new ByteArrayInputStream(tgz), ArchiveFormat.NONE, target);
        assertThat(Files.readAllBytes(target)).isEqualTo(tgz);
    }

    @Test
    void archiveNoneCannotHoldADirectory() throws IOException {
        PackedArtifact directory = packer.pack(sampleDirectory(), store);

        assertThatThrownBy(() -> export(directory, "out", ArchiveFormat.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory");
    }

    @Test
    void somethingThatIsNotAnArchiveImportsAsAFile() throws IOException {
        Path target = temp.resolve("consumer/plain.txt");

        archives.importArchive(new ByteArrayInputStream("just text".getBytes(StandardCharsets.UTF_8)),
                ArchiveFormat.TGZ, target);

        assertThat(target).isRegularFile().hasContent("just text");
    }

    @Test
    void anEmptyDirectoryExportsAndImportsAsAnEmptyDirectory() throws IOException {
        PackedArtifact empty = packer.pack(Files.createDirectories(temp.resolve("producer/empty")), store);
        byte[] tgz = export(empty, "empty", ArchiveFormat.TGZ);

        Path target = temp.resolve("consumer/empty");
        archives.importArchive(new ByteArrayInputStream(tgz), ArchiveFormat.TGZ, target);

        assertThat(tgzEntryNames(tgz)).containsExactly("empty/");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void anArchiveWithSeveralTopLevelEntriesBecomesADirectory() throws IOException {
        byte[] tgz = HostileArchives.tarGz().file("a", "1").file("b", "2").build();
        Path target = temp.resolve("consumer/in");

        archives.importArchive(new ByteArrayInputStream(tgz), ArchiveFormat.TGZ, target);

        assertThat(target.resolve("a")).hasContent("1");
        assertThat(target.resolve("b")).hasContent("2");
    }
}
