package dev.baton.engine.runtime.artifact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives built to escape their target are refused, and nothing is written outside it or left behind. */
class HostileArchiveTest {
    @TempDir
    Path temp;
    private Path consumer;
    private Path target;
    private FilesystemArtifactStore store;

    @BeforeEach
    void setUp() throws IOException {
        consumer = Files.createDirectories(temp.resolve("sandbox/consumer"));
        target = consumer.resolve("in");
        store = new FilesystemArtifactStore(temp.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Runs the archive through both ways in: materialising a stored tarball, and importing an Argo object. */
    private void assertRefused(byte[] tarGz, String why) throws IOException {
        PackedArtifact packed = new PackedArtifact(store.put(new ByteArrayInputStream(tarGz)), true);

        assertThatThrownBy(() -> new ArtifactUnpacker().materialise(packed, store, target, null, null, false))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining(why);
        assertThatThrownBy(() -> new ArgoArchives().importArchive(new ByteArrayInputStream(tarGz), ArchiveFormat.TGZ,
                target)).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining(why);
        assertNothingWritten();
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> left = Files.list(consumer)) {
            assertThat(left).as("target and staging directories").isEmpty();
        }
        try (Stream<Path> left = Files.list(temp.resolve("sandbox"))) {
            assertThat(left).containsExactly(consumer);
        }
    }

    @Test
    void dotDotEntriesAreRefused() throws IOException {
        assertRefused(HostileArchives.tarGz().file("ok.txt", "ok").file("../../evil", "pwned").build(), "'..'");
        assertThat(temp.resolve("sandbox/evil")).doesNotExist();
    }

    @Test
    void absoluteEntriesAreRefused() throws IOException {
        Path outside = temp.resolve("absolute-evil");

        assertRefused(HostileArchives.tarGz().file(outside.toString(), "pwned").build(), "absolute");
        assertThat(outside).doesNotExist();
    }

    @Test
    void aLinkToAnAbsolutePathIsRefusedBeforeAnythingIsWrittenThroughIt() throws IOException {
        assertRefused(HostileArchives.tarGz().symlink("etc", "/etc").file("etc/passwd", "root::0:0::/:/bin/sh")
                .build(), "only relative links");
    }

    @Test
    void aLinkClimbingOutOfTheTargetIsRefused() throws IOException {
        assertRefused(HostileArchives.tarGz().symlink("up", "../../..").file("up/evil", "pwned").build(),
                "points outside");
    }

    @Test
    void nothingIsWrittenThroughALinkEvenOneInsideTheTarget() throws IOException {
        assertRefused(HostileArchives.tarGz().directory("real").symlink("alias", "real").file("alias/f", "x")
                .build(), "written through the link 'alias'");
    }

    @Test
    void chainedLinksThatResolveOutsideAreRefused() throws IOException {
        assertRefused(HostileArchives.tarGz().directory("sub").symlink("sub/l", "..").symlink("sub/x", "l/../..")
                .build(), "resolves outside");
    }

    @Test
    void aHardLinkToAHostFileIsRefused() throws IOException {
        assertRefused(HostileArchives.tarGz().hardLink("passwd", "/etc/passwd").build(), "absolute");
    }

    @Test
    void zipSlipIsRefused() throws IOException {
        byte[] zip = HostileArchives.zipWith("../../evil.txt", "pwned");

        assertThatThrownBy(() -> new ArgoArchives().importArchive(new ByteArrayInputStream(zip), ArchiveFormat.ZIP,
                target)).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("'..'");
        assertNothingWritten();
        assertThat(temp.resolve("evil.txt")).doesNotExist();
    }
}
