package dev.baton.artifact.s3;

import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes sure the store's bucket exists when the store opens, so a wrong endpoint, bad credentials or a missing
 * bucket fail at start-up with a clear message rather than at the first artifact.
 */
final class BucketCheck {
    private final S3Client client;
    private final S3StoreSettings settings;
    private final S3Failures failures;

    BucketCheck(S3Client client, S3StoreSettings settings, S3Failures failures) {
        this.client = client;
        this.settings = settings;
        this.failures = failures;
    }

    void ensureExists() throws IOException {
        if (exists()) {
            return;
        }
        if (!settings.createBucket()) {
            throw new IOException("cannot open the artifact store " + settings.location() + ": bucket '"
                    + settings.bucket() + "' does not exist; create it or set '" + S3StoreSettings.CREATE_BUCKET
                    + "' to true");
        }
        create();
    }

    private boolean exists() throws IOException {
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failures.translate("open the artifact store", null, e);
        } catch (SdkException e) {
            throw failures.translate("open the artifact store", null, e);
        }
    }

    private void create() throws IOException {
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(settings.bucket());
        // us-east-1 is the one region S3 refuses as an explicit location constraint.
        if (!S3StoreSettings.DEFAULT_REGION.equals(settings.region())) {
            request.createBucketConfiguration(c -> c.locationConstraint(settings.region()));
        }
        try {
            client.createBucket(request.build());
        } catch (BucketAlreadyOwnedByYouException e) {
            // another store created it meanwhile
        } catch (SdkException e) {
            throw failures.translate("create bucket '" + settings.bucket() + "' for the artifact store", null, e);
        }
    }
}
