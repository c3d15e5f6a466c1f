package dev.baton.artifact.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures into {@link IOException}s whose messages name the endpoint, bucket and key and say what to
 * check; the SDK's own messages rarely say which server refused what.
 */
final class S3Failures {
    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurity", "ExpiredToken", "InvalidToken");

    private final S3StoreSettings settings;

    S3Failures(S3StoreSettings settings) {
        this.settings = settings;
    }

    /** {@code s3://bucket/key at endpoint}, or the store's location when {@code key} is null. */
    String where(String key) {
        if (key == null) {
            return settings.location();
        }
        return "s3://" + settings.bucket() + "/" + key
                + settings.endpoint().map(uri -> " at " + uri).orElse(" (AWS, " + settings.region() + ")");
    }

    /**
     * @param action what the store was doing, e.g. {@code "read"}
     * @param key    the object concerned, or null for the bucket
     */
    IOException translate(String action, String key, SdkException failure) {
        String prefix = "cannot " + action + " " + where(key) + ": ";
        if (isInterruption(failure)) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(prefix + "interrupted");
            interrupted.initCause(failure);
            return interrupted;
        }
        if (failure instanceof AwsServiceException service) {
            return fromService(prefix, key, service);
        }
        Throwable cause = rootCause(failure);
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new IOException(prefix + "the S3 endpoint cannot be reached (" + detail + "); is the server running"
                    + " and the '" + S3StoreSettings.ENDPOINT + "' setting (or BATON_S3_ENDPOINT) right?", failure);
        }
        if (cause instanceof SocketTimeoutException) {
            return new IOException(prefix + "the S3 endpoint did not answer in time (" + detail + ")", failure);
        }
        return new IOException(prefix + detail, failure);
    }

    private IOException fromService(String prefix, String key, AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        int status = service.statusCode();
        String what = "HTTP " + status + (code == null ? "" : " " + code);
        if (code != null && CREDENTIAL_ERRORS.contains(code) || status == 403) {
            return new IOException(prefix + "access denied (" + what + "); check the access key and secret key ('"
                    + S3StoreSettings.ACCESS_KEY + "'/'" + S3StoreSettings.SECRET_KEY
                    + "', BATON_S3_ACCESS_KEY/BATON_S3_SECRET_KEY or the AWS credentials chain) and that they may use"
                    + " bucket '" + settings.bucket() + "'", service);
        }
        if ("NoSuchBucket".equals(code)) {
            return new IOException(prefix + "bucket '" + settings.bucket() + "' does not exist (" + what
                    + "); create it or set '" + S3StoreSettings.CREATE_BUCKET + "' to true", service);
        }
        if (key != null && ("NoSuchKey".equals(code) || status == 404)) {
            return new NoSuchFileException(where(key), null, "no such object (" + what + ")");
        }
        String message = service.awsErrorDetails() == null ? service.getMessage()
                : service.awsErrorDetails().errorMessage();
        return new IOException(prefix + what + (message == null ? "" : ": " + message), service);
    }

    private static boolean isInterruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException
                    || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
