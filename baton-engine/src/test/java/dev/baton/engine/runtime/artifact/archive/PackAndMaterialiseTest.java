package dev.baton.engine.runtime.artifact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import dev.baton.spi.artifact.CorruptBlobException;
import dev.baton.testkit.artifact.SyntheticContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing step outputs into the filesystem store and materialising them into another step's paths. */
class PackAndMaterialiseTest {
    @TempDir
    Path temp;
    private FilesystemArtifactStore store;
    private final ArtifactPacker packer = new ArtifactPacker();
    private final ArtifactUnpacker unpacker = new ArtifactUnpacker();

    @BeforeEach
    void openStore() throws IOException {
        store = new FilesystemArtifactStore(temp.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Path step(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    private static Path write(Path file, String content, String mode) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Object inode(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    /** A tree with nested directories, varied modes, an empty directory and an internal link. */
    private Path sampleTree() throws IOException {
        Path out = step("producer").resolve("out");
        write(out.resolve("a.txt"), "alpha", "rw-r-----");
        write(out.resolve("bin/run.sh"), "#!/bin/sh\necho hi\n", "rwxr-xr-x");
        write(out.resolve("sub/deeper/x.csv"), "1,2,3", "rw-------");
        Files.createDirectories(out.resolve("empty"));
        Files.setPosixFilePermissions(out.resolve("empty"), PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(out.resolve("latest"), Path.of("sub/deeper/x.csv"));
        return out;
    }

    @Test
    void aFileIsStoredAsItsRawBytes() throws IOException {
        Path file = write(step("producer").resolve("hello.txt"), "hello\n", "rw-r--r--");

        PackedArtifact packed = packer.pack(file, store);

        assertThat(packed.directory()).isFalse();
        assertThat(packed.blob().size()).isEqualTo(6);
        assertThat(packed.blob().digest()).isEqualTo(SyntheticContent.sha256Of("hello\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileIsHardLinkedReadOnlyWhenLinkingIsPreferred() throws IOException {
        PackedArtifact packed = packer.pack(write(step("producer").resolve("hello.txt"), "hello\n", "rw-r--r--"), store);
        Path target = step("consumer").resolve("in/hello.txt");

        MaterialisedAs how = unpacker.materialise(packed, store, target, null, null, true);

        assertThat(how).isEqualTo(MaterialisedAs.HARD_LINK);
        assertThat(target).hasContent("hello\n");
        assertThat(inode(target)).isEqualTo(inode(store.localFile(packed.blob().digest())));
        assertThat(mode(target)).isEqualTo("r--r--r--");
    }

    @Test
    void aFileIsCopiedWhenAnotherModeIsAsked() throws IOException {
        PackedArtifact packed = packer.pack(write(step("producer").resolve("run.sh"), "echo hi", "rwxr-xr-x"), store);
        Path target = step("consumer").resolve("run.sh");

        MaterialisedAs how = unpacker.materialise(packed, store, target, 0755, null, true);

        assertThat(how).isEqualTo(MaterialisedAs.COPY);
        assertThat(mode(target)).isEqualTo("rwxr-xr-x");
        assertThat(inode(target)).isNotEqualTo(inode(store.localFile(packed.blob().digest())));
        assertThat(mode(store.localFile(packed.blob().digest()))).isEqualTo("r--r--r--");
    }

    @Test
    void aFileIsCopiedWritableWhenLinkingIsNotPreferred() throws IOException {
        PackedArtifact packed = packer.pack(write(step("producer").resolve("hello.txt"), "hello\n", "rw-r--r--"), store);
        Path target = step("consumer").resolve("hello.txt");

        assertThat(unpacker.materialise(packed, store, target, null, null, false)).isEqualTo(MaterialisedAs.COPY);

        assertThat(mode(target)).isEqualTo("rw-r--r--");
        Files.writeString(target, "changed");
        assertThat(store.localFile(packed.blob().digest())).hasContent("hello\n");
    }

    @Test
    void anEmptyFileRoundTrips() throws IOException {
        PackedArtifact packed = packer.pack(write(step("producer").resolve("empty"), "", "rw-r--r--"), store);
        Path target = step("consumer").resolve("empty");

        unpacker.materialise(packed, store, target, null, null, true);

        assertThat(packed.blob().size()).isZero();
        assertThat(target).isEmptyFile();
    }

    @Test
    void aNestedDirectoryRoundTripsWithModesAndInternalLinks() throws IOException {
        Path source = sampleTree();
        PackedArtifact packed = packer.pack(source, store);
        Path target = step("consumer").resolve("in");

        assertThat(unpacker.materialise(packed, store, target, null, null, true)).isEqualTo(MaterialisedAs.EXTRACTED);

        assertThat(packed.directory()).isTrue();
        assertThat(TreeSnapshot.of(target)).isEqualTo(TreeSnapshot.of(source));
        assertThat(TreeSnapshot.of(target)).containsEntry("sub/deeper/x.csv", "file rw------- 1,2,3")
                .containsEntry("latest", "link -> sub/deeper/x.csv");
        assertThat(Files.readString(target.resolve("latest"))).isEqualTo("1,2,3");
    }

    @Test
    void theSameTreePacksToTheSameBlob() throws IOException {
        Path source = sampleTree();

        assertThat(packer.pack(source, store)).isEqualTo(packer.pack(source, store));
    }

    @Test
    void anEmptyDirectoryRoundTrips() throws IOException {
        Path source = step("producer").resolve("nothing");
        Files.createDirectories(source);
        PackedArtifact packed = packer.pack(source, store);
        Path target = step("consumer").resolve("nothing");

        unpacker.materialise(packed, store, target, null, null, true);

        assertThat(target).isEmptyDirectory();
    }

    @Test
    void modeAppliesToTheTopDirectory() throws IOException {
        PackedArtifact packed = packer.pack(sampleTree(), store);
        Path target = step("consumer").resolve("in");

        unpacker.materialise(packed, store, target, 0750, null, true);

        assertThat(mode(target)).isEqualTo("rwxr-x---");
    }

    @Test
    void subPathPicksAFileOrADirectoryInsideADirectoryArtifact() throws IOException {
        PackedArtifact packed = packer.pack(sampleTree(), store);
        Path consumer = step("consumer");

        unpacker.materialise(packed, store, consumer.resolve("x.csv"), null, "sub/deeper/x.csv", true);
        unpacker.materialise(packed, store, consumer.resolve("sub"), null, "/sub/", true);

        assertThat(consumer.resolve("x.csv")).isRegularFile().hasContent("1,2,3");
        assertThat(TreeSnapshot.of(consumer.resolve("sub"))).containsOnlyKeys("deeper", "deeper/x.csv");
    }

    @Test
    void aSubPathThatIsNotThereOrLeavesTheArtifactIsRefused() throws IOException {
        PackedArtifact packed = packer.pack(sampleTree(), store);
        Path consumer = step("consumer");

        assertThatThrownBy(() -> unpacker.materialise(packed, store, consumer.resolve("x"), null, "nope", true))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("subPath 'nope'");
        assertThatThrownBy(() -> unpacker.materialise(packed, store, consumer.resolve("x"), null, "../etc", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(consumer).isEmptyDirectory();
    }

    @Test
    void aSubPathOfAFileArtifactIsRefused() throws IOException {
        PackedArtifact packed = packer.pack(write(step("producer").resolve("f"), "x", "rw-r--r--"), store);

        assertThatThrownBy(() -> unpacker.materialise(packed, store, step("consumer").resolve("f"), null, "a", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single file");
    }

    @Test
    void anExistingTargetIsNotOverwrittenButAnEmptyDirectoryIsReplaced() throws IOException {
        PackedArtifact file = packer.pack(write(step("producer").resolve("f"), "x", "rw-r--r--"), store);
        PackedArtifact tree = packer.pack(sampleTree(), store);
        Path occupied = write(step("consumer").resolve("f"), "mine", "rw-r--r--");
        Path placeholder = Files.createDirectories(step("consumer").resolve("in"));

        assertThatThrownBy(() -> unpacker.materialise(file, store, occupied, null, null, true))
                .isInstanceOf(FileAlreadyExistsException.class);
        unpacker.materialise(tree, store, placeholder, null, null, true);

        assertThat(occupied).hasContent("mine");
        assertThat(placeholder.resolve("a.txt")).hasContent("alpha");
    }

    @Test
    void aLinkLeavingTheDirectoryIsRefusedWhenPacking() throws IOException {
        Path absolute = sampleTree();
        Files.createSymbolicLink(absolute.resolve("passwd"), Path.of("/etc/passwd"));
        Path relative = step("other").resolve("out");
        write(relative.resolve("ok.txt"), "ok", "rw-r--r--");
        write(temp.resolve("secret.txt"), "secret", "rw-r--r--");
        Files.createSymbolicLink(relative.resolve("secret"), Path.of("../../secret.txt"));

        assertThatThrownBy(() -> packer.pack(absolute, store))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("/etc/passwd");
        assertThatThrownBy(() -> packer.pack(relative, store))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("points outside");
        assertThat(store.collectGarbage(java.util.Set.of())).as("nothing stored for refused trees").isZero();
    }

    @Test
    void aMissingOutputIsReportedByPath() throws IOException {
        Path missing = step("producer").resolve("nope.txt");

        assertThatThrownBy(() -> packer.pack(missing, store))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void aCorruptDirectoryBlobIsReportedAndLeavesNothingBehind() throws IOException {
        PackedArtifact packed = packer.pack(sampleTree(), store);
        Path blob = store.localFile(packed.blob().digest());
        Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 5] ^= 1; // inside the gzip trailer: the tar still reads, only the digest differs
        Files.write(blob, bytes);
        Path consumer = step("consumer");

        assertThatThrownBy(() -> unpacker.materialise(packed, store, consumer.resolve("in"), null, null, true))
                .isInstanceOf(CorruptBlobException.class);
        try (Stream<Path> left = Files.list(consumer)) {
            assertThat(left).isEmpty();
        }
    }
}
