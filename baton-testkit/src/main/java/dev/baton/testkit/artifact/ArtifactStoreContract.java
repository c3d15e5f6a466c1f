package dev.baton.testkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import dev.baton.spi.artifact.CorruptBlobException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link ArtifactStore} must show; each store's test extends this class. A check the
 * store's test cannot make is declared through {@link #capabilities()} and skipped by assumption, visibly.
 */
public abstract class ArtifactStoreContract {
    private static final String HELLO_DIGEST = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String EMPTY_DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABSENT_DIGEST = "sha256:" + "0".repeat(64);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;
    private ArtifactStore store;

    /** A fresh, empty store; {@code tempDir} is private to one test and deleted after it. */
    protected abstract ArtifactStore newStore(Path tempDir) throws IOException;

    /** Damages the stored bytes of {@code digest} the way a disk fault or a stray writer would. */
    protected abstract void corrupt(ArtifactStore store, String digest) throws IOException;

    /** What this store's test can do; by default everything. */
    protected Set<ArtifactStoreCapability> capabilities() {
        return EnumSet.allOf(ArtifactStoreCapability.class);
    }

    @BeforeEach
    final void openStore() throws IOException {
        store = newStore(tempDir.resolve("store"));
    }

    @AfterEach
    final void closeStore() throws IOException {
        store.close();
    }

    /** The store under test. */
    protected final ArtifactStore store() {
        return store;
    }

    /** A scratch directory for the test, outside the store. */
    protected final Path scratch() throws IOException {
        return Files.createDirectories(tempDir.resolve("scratch"));
    }

    @Test
    void putFileReturnsTheSha256AndSizeAndLeavesTheFileAlone() throws IOException {
        Path file = Files.writeString(scratch().resolve("hello.txt"), "hello\n");
        String permissionsBefore = permissions(file);

        BlobRef ref = store.put(file);

        assertThat(ref).isEqualTo(new BlobRef(HELLO_DIGEST, 6));
        assertThat(Files.readString(file)).isEqualTo("hello\n");
        assertThat(permissions(file)).isEqualTo(permissionsBefore);
    }

    @Test
    void putStreamReadsToTheEndWithoutClosingTheStream() throws IOException {
        CloseTrackingStream content = new CloseTrackingStream(bytes("hello\n"));

        BlobRef ref = store.put(content);

        assertThat(ref).isEqualTo(new BlobRef(HELLO_DIGEST, 6));
        assertThat(content.read()).isEqualTo(-1);
        assertThat(content.closed).as("put must not close the caller's stream").isFalse();
    }

    @Test
    void openReturnsTheStoredBytes() throws IOException {
        BlobRef ref = store.put(bytes("hello\n"));

        try (InputStream in = store.open(ref.digest())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
        }
    }

    @Test
    void localFileHoldsTheStoredBytes() throws IOException {
        BlobRef ref = store.put(bytes("hello\n"));

        Path local = store.localFile(ref.digest());

        assertThat(Files.readString(local)).isEqualTo("hello\n");
        assertThat(store.localFile(ref.digest())).hasContent("hello\n");
    }

    @Test
    void localFileCannotBeWrittenByAnyone() throws IOException {
        assumeTrue(capabilities().contains(ArtifactStoreCapability.READ_ONLY_LOCAL_FILES),
                "this store does not promise read-only local files");
        BlobRef ref = store.put(bytes("hello\n"));

        assertThat(permissions(store.localFile(ref.digest()))).isEqualTo("r--r--r--");
    }

    @Test
    void containsAndSizeSeeOnlyStoredBlobs() throws IOException {
        BlobRef ref = store.put(bytes("hello\n"));

        assertThat(store.contains(ref.digest())).isTrue();
        assertThat(store.size(ref.digest())).contains(6L);
        assertThat(store.contains(ABSENT_DIGEST)).isFalse();
        assertThat(store.size(ABSENT_DIGEST)).isEmpty();
    }

    @Test
    void readingAMissingBlobFailsWithNoSuchFile() {
        assertThatThrownBy(() -> store.open(ABSENT_DIGEST)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.localFile(ABSENT_DIGEST)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aMalformedDigestIsRejected() {
        assertThatThrownBy(() -> store.contains("md5:d41d8cd98f00b204e9800998ecf8427e"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("sha256:../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameBytesAreStoredOnce() throws IOException {
        Path file = Files.writeString(scratch().resolve("hello.txt"), "hello\n");

        BlobRef fromFile = store.put(file);
        BlobRef fromStream = store.put(bytes("hello\n"));

        assertThat(fromStream).isEqualTo(fromFile);
        assertThat(store.collectGarbage(Set.of())).as("blobs deleted when nothing is live").isEqualTo(1);
    }

    @Test
    void concurrentWritersOfTheSameBytesAllSucceedAndLeaveOneBlob() throws Exception {
        SyntheticContent content = SyntheticContent.of(4 * 1024 * 1024 + 17, 7);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<BlobRef>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (InputStream in = content.stream()) {
                        return store.put(in);
                    }
                }));
            }
            start.countDown();
            for (Future<BlobRef> result : results) {
                assertThat(result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo(new BlobRef(content.digest(), content.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        try (InputStream in = store.open(content.digest())) {
            assertThat(SyntheticContent.sha256Of(in)).isEqualTo(content.digest());
        }
        assertThat(store.collectGarbage(Set.of())).isEqualTo(1);
    }

    @Test
    void aCorruptedBlobIsDetectedWhenRead() throws IOException {
        assumeTrue(capabilities().contains(ArtifactStoreCapability.CORRUPTION_CAN_BE_INJECTED),
                "this store's test cannot damage a stored blob");
        BlobRef ref = store.put(SyntheticContent.of(100_000, 3).stream());

        corrupt(store, ref.digest());

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(ref.digest())) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(CorruptBlobException.class).hasMessageContaining(ref.digest());
        assertThatThrownBy(() -> store.localFile(ref.digest()))
                .isInstanceOf(CorruptBlobException.class).hasMessageContaining(ref.digest());
    }

    @Test
    void closingAStreamEarlyIsNotAnError() throws IOException {
        BlobRef ref = store.put(SyntheticContent.of(100_000, 5).stream());

        try (InputStream in = store.open(ref.digest())) {
            assertThat(in.readNBytes(10)).hasSize(10);
        }
    }

    @Test
    void garbageCollectionDeletesExactlyTheBlobsNotLive() throws IOException {
        BlobRef kept = store.put(bytes("kept"));
        BlobRef dropped = store.put(bytes("dropped"));
        BlobRef alsoDropped = store.put(bytes("also dropped"));

        assertThat(store.collectGarbage(Set.of(kept.digest()))).isEqualTo(2);

        assertThat(store.contains(kept.digest())).isTrue();
        assertThat(store.contains(dropped.digest())).isFalse();
        assertThat(store.contains(alsoDropped.digest())).isFalse();
        try (InputStream in = store.open(kept.digest())) {
            assertThat(in.readAllBytes()).isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(store.collectGarbage(Set.of(kept.digest()))).isZero();
    }

    @Test
    void anEmptyBlobIsABlob() throws IOException {
        BlobRef ref = store.put(InputStream.nullInputStream());

        assertThat(ref).isEqualTo(new BlobRef(EMPTY_DIGEST, 0));
        assertThat(store.contains(EMPTY_DIGEST)).isTrue();
        assertThat(store.size(EMPTY_DIGEST)).contains(0L);
        try (InputStream in = store.open(EMPTY_DIGEST)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(Files.size(store.localFile(EMPTY_DIGEST))).isZero();
    }

    @Test
    void aLargeBlobStreamsThroughIntact() throws IOException {
        SyntheticContent content = SyntheticContent.of(50L * 1024 * 1024 + 3, 11);

        BlobRef ref;
        try (InputStream in = content.stream()) {
            ref = store.put(in);
        }

        assertThat(ref).isEqualTo(new BlobRef(content.digest(), content.size()));
        assertThat(store.size(ref.digest())).contains(content.size());
        try (InputStream in = store.open(ref.digest())) {
            assertThat(SyntheticContent.sha256Of(in)).isEqualTo(content.digest());
        }
        assertThat(Files.size(store.localFile(ref.digest()))).isEqualTo(content.size());
    }

    @Test
    void aWriteThatFailsHalfwayStoresNothing() {
        InputStream failing = new FailingMidwayStream(SyntheticContent.of(3 * 1024 * 1024, 13).stream(), 1024 * 1024);

        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class);

        assertThat(garbageCollectEverything()).as("blobs left by the failed write").isZero();
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedStoreRefusesWork() throws IOException {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.put(bytes("late"))).isInstanceOf(IllegalStateException.class);
    }

    private int garbageCollectEverything() {
        try {
            return store.collectGarbage(Set.of());
        } catch (IOException e) {
            throw new AssertionError("garbage collection failed", e);
        }
    }

    /** A stream of UTF-8 text. */
    protected static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static final class CloseTrackingStream extends FilterInputStream {
        private boolean closed;

        CloseTrackingStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
