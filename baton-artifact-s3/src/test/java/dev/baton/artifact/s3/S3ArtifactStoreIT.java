package dev.baton.artifact.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import dev.baton.testkit.artifact.ArtifactStoreContract;
import dev.baton.testkit.artifact.SyntheticContent;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The artifact store contract against a real S3-compatible server (S3Proxy, started by {@code .ci/s3proxy.sh}),
 * plus what only the S3 store promises. Each test gets its own key prefix, so each sees an empty store.
 */
@EnabledIf(value = "endpointConfiguredOrInCi", disabledReason = S3ArtifactStoreIT.SKIP_REASON)
class S3ArtifactStoreIT extends ArtifactStoreContract {
    static final String SKIP_REASON =
            "S3 endpoint not configured (set BATON_S3_ENDPOINT or run .ci/s3proxy.sh)";

    private static S3Client raw;
    private String prefix;

    /** Outside CI a missing endpoint disables the class (reported as skipped); in CI the class runs and fails. */
    static boolean endpointConfiguredOrInCi() {
        if (endpointConfigured() || "true".equals(System.getenv("CI"))) {
            return true;
        }
        System.out.println("SKIPPED: " + SKIP_REASON);
        return false;
    }

    private static boolean endpointConfigured() {
        String endpoint = System.getenv("BATON_S3_ENDPOINT");
        return endpoint != null && !endpoint.isBlank();
    }

    @BeforeAll
    static void requireAnEndpoint() {
        if (!endpointConfigured()) {
            fail("CI=true but BATON_S3_ENDPOINT is not set: .ci/run must start S3Proxy (source .ci/s3proxy.sh) first");
        }
        raw = S3Clients.open(settings(Map.of()));
    }

    @AfterAll
    static void closeRawClient() {
        if (raw != null) {
            raw.close();
        }
    }

    /** The environment's endpoint, bucket and credentials, overridden by {@code overrides}. */
    private static S3StoreSettings settings(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("BATON_S3_BUCKET", "baton-it");
        return S3StoreSettings.from(overrides, environment);
    }

    @Override
    protected ArtifactStore newStore(Path tempDir) throws IOException {
        prefix = "it/" + UUID.randomUUID();
        return new S3ArtifactStore(settings(Map.of("prefix", prefix, "cacheDir", tempDir.resolve("cache").toString())));
    }

    /** Overwrites the object with its first byte flipped, as a stray writer would. */
    @Override
    protected void corrupt(ArtifactStore store, String digest) throws IOException {
        String key = key(digest);
        ResponseBytes<GetObjectResponse> object = raw.getObjectAsBytes(b -> b.bucket(bucket()).key(key));
        byte[] bytes = object.asByteArray();
        bytes[0] ^= 1;
        raw.putObject(b -> b.bucket(bucket()).key(key), RequestBody.fromBytes(bytes));
    }

    private S3ArtifactStore s3Store() {
        return (S3ArtifactStore) store();
    }

    private String bucket() {
        return s3Store().settings().bucket();
    }

    private String key(String digest) {
        return new BlobKeys(prefix).keyOf(digest);
    }

    @Test
    void blobsAreObjectsAtTheFilesystemStoresLayoutBelowThePrefix() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));

        HeadObjectResponse head = raw.headObject(b -> b.bucket(bucket()).key(prefix
                + "/sha256/58/91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"));
        assertThat(head.contentLength()).isEqualTo(ref.size());
    }

    @Test
    void aLargeFileIsUploadedInPartsWithoutLeavingAnUploadBehind() throws IOException {
        SyntheticContent content = SyntheticContent.of(50L * 1024 * 1024 + 3, 21);
        Path file = scratch().resolve("large.bin");
        try (InputStream in = content.stream()) {
            Files.copy(in, file);
        }

        S3StoreSettings settings = settings(Map.of("prefix", prefix));
        List<String> operations = new CopyOnWriteArrayList<>();
        S3Client recording = S3Clients.builder(settings)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
        try (S3ArtifactStore store = new S3ArtifactStore(settings, recording, Clock.systemUTC())) {
            long started = System.nanoTime();
            BlobRef ref = store.put(file);
            long uploadMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            Path local = store.localFile(ref.digest());
            long downloadMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("S3ArtifactStoreIT: 50 MiB put(Path) %d ms, localFile %d ms%n", uploadMillis,
                    downloadMillis);

            assertThat(ref).isEqualTo(new BlobRef(content.digest(), content.size()));
            assertThat(operations).as("50 MiB in 8 MiB parts").containsSubsequence(
                    "HeadObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload", "GetObject");
            assertThat(operations).filteredOn("UploadPart"::equals).hasSize(7);
            assertThat(raw.listMultipartUploads(b -> b.bucket(bucket()).prefix(prefix)).uploads()).isEmpty();
            assertThat(Files.size(local)).isEqualTo(content.size());
        }
    }

    @Test
    void twoStoresWritingTheSameLargeBytesAtOnceBothSucceedAndLeaveOneIntactObject() throws Exception {
        SyntheticContent content = SyntheticContent.of(20L * 1024 * 1024 + 5, 23);
        Map<String, String> samePrefix = Map.of("prefix", prefix);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (S3ArtifactStore first = new S3ArtifactStore(settings(samePrefix));
             S3ArtifactStore second = new S3ArtifactStore(settings(samePrefix))) {
            List<Future<BlobRef>> results = new ArrayList<>();
            for (S3ArtifactStore writer : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (InputStream in = content.stream()) {
                        return writer.put(in);
                    }
                }));
            }
            start.countDown();
            for (Future<BlobRef> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(new BlobRef(content.digest(), content.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        try (InputStream in = raw.getObject(b -> b.bucket(bucket()).key(key(content.digest())))) {
            assertThat(SyntheticContent.sha256Of(in)).isEqualTo(content.digest());
        }
        assertThat(raw.listObjectsV2(b -> b.bucket(bucket()).prefix(prefix + "/")).contents()).hasSize(1);
    }

    @Test
    void aWrongSecretKeyFailsWhenTheStoreOpensAndSaysWhatToCheck() {
        S3StoreSettings wrong = settings(Map.of("accessKey", settings(Map.of()).credentials().orElseThrow().accessKey(),
                "secretKey", "not-the-secret"));

        assertThatThrownBy(() -> new S3ArtifactStore(wrong).close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(wrong.endpoint().orElseThrow().toString())
                .hasMessageContaining("s3://" + wrong.bucket())
                .hasMessageContaining("access denied")
                .hasMessageContaining("secret key");
    }

    @Test
    void aMissingBucketIsCreated() throws IOException {
        String bucket = "baton-it-" + UUID.randomUUID().toString().substring(0, 8);

        try (ArtifactStore created = new S3ArtifactStore(settings(Map.of("bucket", bucket)))) {
            raw.headBucket(b -> b.bucket(bucket));
            BlobRef ref = created.put(bytes("hello\n"));
            try (InputStream in = created.open(ref.digest())) {
                assertThat(in.readAllBytes()).hasSize(6);
            }
            assertThat(created.collectGarbage(Set.of())).isEqualTo(1);
        } finally {
            raw.deleteBucket(b -> b.bucket(bucket));
        }
    }

    @Test
    void aMissingBucketIsAnErrorWhenCreationIsOff() {
        String bucket = "baton-it-absent-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> new S3ArtifactStore(settings(Map.of("bucket", bucket, "createBucket", "false"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bucket '" + bucket + "' does not exist")
                .hasMessageContaining("'createBucket'");
        assertThatThrownBy(() -> raw.headBucket(b -> b.bucket(bucket))).as("not created").isNotNull();
    }

    @Test
    void anUnreachableEndpointFailsWithAMessageNamingIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> new S3ArtifactStore(settings(Map.of("endpoint", endpoint))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(endpoint)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void localFileIsDownloadedOnceAndForgottenWhenTheBlobIsCollected() throws IOException {
        BlobRef ref = store().put(bytes("hello\n"));
        Path local = store().localFile(ref.digest());

        raw.deleteObject(b -> b.bucket(bucket()).key(key(ref.digest())));
        assertThat(store().localFile(ref.digest())).as("the verified copy is reused").isEqualTo(local);

        store().put(bytes("hello\n"));
        assertThat(store().collectGarbage(Set.of())).isEqualTo(1);
        assertThat(local).doesNotExist();
    }

    @Test
    void garbageCollectionAbortsOnlyStaleMultipartUploads() throws IOException {
        String abandoned = key(SyntheticContent.of(10, 1).digest());
        String uploadId = raw.createMultipartUpload(b -> b.bucket(bucket()).key(abandoned)).uploadId();
        raw.uploadPart(b -> b.bucket(bucket()).key(abandoned).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[1024]));

        store().collectGarbage(Set.of());
        assertThat(raw.listMultipartUploads(b -> b.bucket(bucket()).prefix(prefix)).uploads())
                .as("a fresh upload may belong to a live writer").hasSize(1);

        Clock twoHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        try (ArtifactStore later = new S3ArtifactStore(settings(Map.of("prefix", prefix)), twoHoursLater)) {
            later.collectGarbage(Set.of());
        }
        assertThat(raw.listMultipartUploads(b -> b.bucket(bucket()).prefix(prefix)).uploads()).isEmpty();
    }
}
