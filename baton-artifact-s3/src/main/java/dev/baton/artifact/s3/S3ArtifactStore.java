package dev.baton.artifact.s3;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import dev.baton.spi.artifact.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A content-addressed artifact store in an S3-compatible bucket: blobs are objects at
 * {@code <prefix>/sha256/<aa>/<rest of hex>}, written by single PUTs or multipart uploads (both appear atomically),
 * verified when read, and copied to a local cache directory for {@code localFile}.
 */
public final class S3ArtifactStore implements ArtifactStore {
    /** Multipart uploads older than this belong to writers that died; garbage collection aborts them. */
    public static final Duration STALE_UPLOAD_AGE = Duration.ofHours(1);
    private static final int DELETE_BATCH = 1000;

    private final S3StoreSettings settings;
    private final Clock clock;
    private final S3Client client;
    private final BlobKeys keys;
    private final S3Failures failures;
    private final BlobUploader uploader;
    private final LocalBlobCache cache;
    private final SingleFlight<BlobRef> uploads = new SingleFlight<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Connects, checks the bucket (creating it if missing and allowed) and fails fast on bad credentials. */
    public S3ArtifactStore(S3StoreSettings settings) throws IOException {
        this(settings, Clock.systemUTC());
    }

    /** @param clock decides which multipart uploads are stale */
    public S3ArtifactStore(S3StoreSettings settings, Clock clock) throws IOException {
        this(settings, S3Clients.open(settings), clock);
    }

    /** @param client built from {@code settings} ({@link S3Clients#builder}); the store closes it */
    S3ArtifactStore(S3StoreSettings settings, S3Client client, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.keys = new BlobKeys(settings.prefix());
        this.failures = new S3Failures(settings);
        this.client = client;
        try {
            new BucketCheck(client, settings, failures).ensureExists();
            this.uploader = new BlobUploader(client, settings.bucket(), settings.partSize(), failures);
            Optional<Path> cacheDir = settings.cacheDir();
            this.cache = new LocalBlobCache(cacheDir.isPresent() ? cacheDir.get()
                    : Files.createTempDirectory("baton-s3-cache-"), cacheDir.isEmpty(), this::open);
        } catch (IOException | RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    public S3StoreSettings settings() {
        return settings;
    }

    @Override
    public BlobRef put(Path file) throws IOException {
        ensureOpen();
        try (IncomingBlob blob = IncomingBlob.ofFile(file)) {
            return store(blob);
        }
    }

    @Override
    public BlobRef put(InputStream content) throws IOException {
        ensureOpen();
        try (IncomingBlob blob = IncomingBlob.ofStream(content, cache.tempDirectory())) {
            return store(blob);
        }
    }

    private BlobRef store(IncomingBlob blob) throws IOException {
        BlobRef ref = blob.ref();
        String key = keys.keyOf(ref.digest());
        return uploads.run(ref.digest(), () -> {
            // Same key, same size: the same bytes are there already (readers verify them anyway).
            if (head(key).equals(Optional.of(ref.size()))) {
                return ref;
            }
            switch (blob) {
                case IncomingBlob.InMemory small -> uploader.putBytes(key, small.bytes(), small.length());
                case IncomingBlob.OnDisk large -> uploader.putFile(key, large.file(), ref.size(),
                        large::verifyUnchanged);
            }
            return ref;
        });
    }

    @Override
    public InputStream open(String digest) throws IOException {
        ensureOpen();
        String key = keys.keyOf(digest);
        try {
            ResponseInputStream<GetObjectResponse> response = client.getObject(b -> b.bucket(settings.bucket())
                    .key(key));
            String location = failures.where(key);
            return new VerifyingInputStream(response, digest,
                    (expected, actual) -> CorruptBlobs.mismatch(expected, actual, location), response::abort);
        } catch (SdkException e) {
            IOException failure = failures.translate("read", key, e);
            if (failure instanceof NoSuchFileException) {
                throw new NoSuchFileException(failures.where(key), null, "no blob " + digest
                        + " in the artifact store " + settings.location());
            }
            throw failure;
        }
    }

    @Override
    public Path localFile(String digest) throws IOException {
        ensureOpen();
        return cache.localFile(digest, BlobKeys.fanOutPath(digest));
    }

    @Override
    public boolean contains(String digest) throws IOException {
        return size(digest).isPresent();
    }

    @Override
    public Optional<Long> size(String digest) throws IOException {
        ensureOpen();
        return head(keys.keyOf(digest));
    }

    private Optional<Long> head(String key) throws IOException {
        try {
            return Optional.of(client.headObject(b -> b.bucket(settings.bucket()).key(key)).contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failures.translate("inspect", key, e);
        } catch (SdkException e) {
            throw failures.translate("inspect", key, e);
        }
    }

    @Override
    public int collectGarbage(Set<String> live) throws IOException {
        ensureOpen();
        int deleted = 0;
        List<String> doomed = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket())
                    .prefix(keys.blobsPrefix())).contents()) {
                Optional<String> digest = keys.digestOf(object.key());
                if (digest.isPresent() && !live.contains(digest.get())) {
                    doomed.add(object.key());
                }
                if (doomed.size() == DELETE_BATCH) {
                    deleted += delete(doomed);
                    doomed.clear();
                }
            }
        } catch (SdkException e) {
            throw failures.translate("list", keys.blobsPrefix(), e);
        }
        deleted += delete(doomed);
        abortStaleUploads();
        return deleted;
    }

    /**
     * Deletes objects the listing found, one request each: DeleteObjects always carries a CRC32 checksum header from
     * SDK 2.30 on, which S3Proxy 2.7.0 refuses (gaul/s3proxy#962). The cache's copies go too, so {@code localFile}
     * cannot outlive the blob.
     */
    private int delete(List<String> objectKeys) throws IOException {
        for (String key : objectKeys) {
            try {
                client.deleteObject(b -> b.bucket(settings.bucket()).key(key));
            } catch (SdkException e) {
                throw failures.translate("delete unreferenced blob", key, e);
            }
            Optional<String> digest = keys.digestOf(key);
            if (digest.isPresent()) {
                cache.forget(BlobKeys.fanOutPath(digest.get()));
            }
        }
        return objectKeys.size();
    }

    private void abortStaleUploads() throws IOException {
        Instant staleBefore = clock.instant().minus(STALE_UPLOAD_AGE);
        try {
            for (MultipartUpload upload : client.listMultipartUploadsPaginator(b -> b.bucket(settings.bucket())
                    .prefix(keys.blobsPrefix())).uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(staleBefore)) {
                    client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(upload.key())
                            .uploadId(upload.uploadId()));
                }
            }
        } catch (SdkException e) {
            throw failures.translate("abort stale multipart uploads under", keys.blobsPrefix(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                client.close();
            } finally {
                cache.delete();
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the artifact store " + settings.location() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "S3ArtifactStore[" + settings.location() + "]";
    }
}
