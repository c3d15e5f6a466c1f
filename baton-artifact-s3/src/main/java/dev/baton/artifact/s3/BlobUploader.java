package dev.baton.artifact.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Puts a blob's bytes under its key so the object appears whole or not at all: small blobs in one PUT from memory,
 * the rest as a multipart upload of file slices that is completed only after every part arrived and the source
 * was found unchanged, and aborted on any failure.
 */
final class BlobUploader {
    private static final String CONTENT_TYPE = "application/octet-stream";

    /** Checked just before a multipart upload is completed; throws if the bytes uploaded may not be the bytes hashed. */
    @FunctionalInterface
    interface CommitCheck {
        void verify() throws IOException;
    }

    private final S3Client client;
    private final String bucket;
    private final long partSize;
    private final S3Failures failures;

    BlobUploader(S3Client client, String bucket, long partSize, S3Failures failures) {
        this.client = client;
        this.bucket = bucket;
        this.partSize = partSize;
        this.failures = failures;
    }

    void putBytes(String key, byte[] bytes, int length) throws IOException {
        try {
            client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) length).contentType(CONTENT_TYPE),
                    RequestBody.fromByteBuffer(ByteBuffer.wrap(bytes, 0, length)));
        } catch (SdkException e) {
            throw failures.translate("write", key, e);
        }
    }

    void putFile(String key, Path file, long size, CommitCheck beforeCommit) throws IOException {
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
                    .uploadId();
        } catch (SdkException e) {
            throw failures.translate("start a multipart upload to", key, e);
        }
        try {
            List<CompletedPart> parts = uploadParts(key, uploadId, file, size);
            beforeCommit.verify();
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            IOException failure = failures.translate("upload", key, e);
            abort(key, uploadId, failure);
            throw failure;
        } catch (IOException | RuntimeException | Error e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(String key, String uploadId, Path file, long size) {
        List<CompletedPart> parts = new ArrayList<>();
        int partNumber = 1;
        // A zero-byte file still needs one (empty) part; callers keep those in memory, but stay correct regardless.
        for (long offset = 0; offset < size || partNumber == 1; offset += partSize, partNumber++) {
            long length = Math.min(partSize, size - offset);
            long start = offset;
            int number = partNumber;
            // The provider reopens the slice for each attempt, so retries and payload signing re-read it from disk.
            UploadPartResponse response = client.uploadPart(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                    RequestBody.fromContentProvider(() -> openSlice(file, start, length), length, CONTENT_TYPE));
            parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
        }
        return parts;
    }

    private static FileSlice openSlice(Path file, long offset, long length) {
        try {
            return new FileSlice(file, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for upload: " + e.getMessage(), e);
        }
    }

    private void abort(String key, String uploadId, Throwable failure) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // Parts left behind are invisible under the key; garbage collection aborts stale uploads later.
            failure.addSuppressed(failures.translate("abort multipart upload " + uploadId + " of", key, e));
        }
    }
}
