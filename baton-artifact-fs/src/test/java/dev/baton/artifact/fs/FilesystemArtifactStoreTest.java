package dev.baton.artifact.fs;

import dev.baton.spi.artifact.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.ArtifactStoreProvider;
import dev.baton.spi.artifact.BlobRef;
import dev.baton.spi.artifact.CorruptBlobException;
import dev.baton.testkit.artifact.ArtifactStoreContract;
import dev.baton.testkit.artifact.FailingMidwayStream;
import dev.baton.testkit.artifact.SyntheticContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The artifact store contract plus what only the filesystem store promises: layout, permissions, atomicity. */
class FilesystemArtifactStoreTest extends ArtifactStoreContract {

    @Override
    protected ArtifactStore newStore(Path tempDir) throws IOException {
        return new FilesystemArtifactStore(tempDir);
    }

    /** Flips a byte in place; the write moves the mtime on, as any writer's would (set explicitly: timestamps are coarse). */
    @Override
    protected void corrupt(ArtifactStore store, String digest) throws IOException {
        Path blob = blobFile(digest);
        FileTime before = Files.getLastModifiedTime(blob);
        flipFirstByte(blob);
        Files.setLastModifiedTime(blob, FileTime.from(before.toInstant().plusSeconds(1)));
    }

    private FilesystemArtifactStore fsStore() {
        return (FilesystemArtifactStore) store();
    }

    private Path blobFile(String digest) {
        String hex = digest.substring("sha256:".length());
        return fsStore().root().resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex.substring(2));
    }

    private static void flipFirstByte(Path blob) throws IOException {
        Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("rw-r--r--"));
        try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer first = ByteBuffer.allocate(1);
            channel.read(first, 0);
            first.flip();
            first.put(0, (byte) (first.get(0) ^ 1));
            channel.write(first, 0);
        }
        Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("r--r--r--"));
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(fsStore().root().resolve("tmp"))) {
            return files.toList();
        }
    }

    @Test
    void blobsLiveUnderSha256FanOutDirectoriesAndAreReadOnly() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));

        Path blob = blobFile(ref.digest());
        assertThat(blob).isRegularFile().hasContent("hello\n");
        assertThat(blob.getParent().getFileName()).hasToString("58");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blob))).isEqualTo("r--r--r--");
    }

    @Test
    void localFileIsTheBlobItselfSoItCanBeHardLinked() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));

        assertThat(store().localFile(ref.digest())).isEqualTo(blobFile(ref.digest()));
    }

    @Test
    void aSecondWriterOfTheSameBytesLeavesTheFirstBlobAndNoTemporaryFile() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));
        Object inode = Files.readAttributes(blobFile(ref.digest()), BasicFileAttributes.class).fileKey();

        store().put(bytes("hello\n"));

        assertThat(Files.readAttributes(blobFile(ref.digest()), BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoTemporaryFileAndSaysWhy() throws IOException {
        InputStream failing = new FailingMidwayStream(SyntheticContent.of(3_000_000, 1).stream(), 1_000_000);

        assertThatThrownBy(() -> store().put(failing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reading the content failed after 1000000 bytes")
                .hasMessageContaining("connection reset");

        assertThat(tempFiles()).isEmpty();
        try (Stream<Path> fanOuts = Files.list(fsStore().root().resolve("sha256"))) {
            assertThat(fanOuts).isEmpty();
        }
    }

    @Test
    void garbageCollectionRemovesTemporaryFilesOlderThanAnHourOnly() throws IOException {
        Path tmp = fsStore().root().resolve("tmp");
        Path stale = Files.writeString(tmp.resolve("blob-dead-writer.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(tmp.resolve("blob-live-writer.part"), "half");

        store().collectGarbage(Set.of());

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void garbageCollectionLeavesFilesItDidNotWrite() throws IOException {
        Path stranger = Files.writeString(fsStore().root().resolve("sha256").resolve("README"), "not a blob");

        assertThat(store().collectGarbage(Set.of())).isZero();

        assertThat(stranger).exists();
    }

    @Test
    void verificationIsRememberedUntilTheFileChanges() throws IOException {
        BlobRef ref = store().put(SyntheticContent.of(10_000, 2).stream());
        Path blob = blobFile(ref.digest());
        FileTime written = Files.getLastModifiedTime(blob);

        flipFirstByte(blob);
        Files.setLastModifiedTime(blob, written);
        assertThat(store().localFile(ref.digest()))
                .as("same size, mtime and inode: not hashed again").isEqualTo(blob);

        Files.setLastModifiedTime(blob, FileTime.from(written.toInstant().plusSeconds(1)));
        assertThatThrownBy(() -> store().localFile(ref.digest())).isInstanceOf(CorruptBlobException.class);
    }

    @Test
    void corruptionMessageNamesTheFileAndWhatToDo() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));
        corrupt(store(), ref.digest());

        assertThatThrownBy(() -> store().localFile(ref.digest()))
                .hasMessageContaining(blobFile(ref.digest()).toString())
                .hasMessageContaining("re-run the step");
    }

    @Test
    void blobsOutliveTheStoreInstance() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));

        try (ArtifactStore reopened = new FilesystemArtifactStore(fsStore().root())) {
            assertThat(reopened.contains(ref.digest())).isTrue();
            try (InputStream in = reopened.open(ref.digest())) {
                assertThat(in.readAllBytes()).hasSize(6);
            }
        }
    }

    @Test
    void theProviderIsFoundByKindAndNeedsARoot() throws IOException {
        ArtifactStoreProvider provider = ServiceLoader.load(ArtifactStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.kind().equals("filesystem"))
                .findFirst().orElseThrow();
        Path root = scratch().resolve("artifacts");

        try (ArtifactStore created = provider.create(Map.of("root", root.toString()))) {
            created.put(bytes("hello\n"));
        }
        assertThat(root.resolve("sha256")).isDirectory();
        assertThatThrownBy(() -> provider.create(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'root'");
    }
}
