package dev.baton.artifact.s3;

import dev.baton.spi.artifact.RepositoryObjects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An Argo artifact repository in an S3-compatible bucket: objects at the keys workflows name, as Argo's executor
 * writes them. Each object is written by one PUT, so a failure leaves no partial object.
 */
public final class S3RepositoryObjects implements RepositoryObjects {
    private final S3StoreSettings settings;
    private final S3Client client;
    private final S3Failures failures;

    /** Connects with {@code settings}; its {@code prefix}, cache and part size are not used. */
    public S3RepositoryObjects(S3StoreSettings settings) {
        this.settings = settings;
        this.client = S3Clients.open(settings);
        this.failures = new S3Failures(settings);
    }

    @Override
    public void put(String key, Path file) throws IOException {
        try {
            client.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failures.translate("write", key, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(client.getObject(b -> b.bucket(settings.bucket()).key(key)));
        } catch (SdkException e) {
            IOException failure = failures.translate("read", key, e);
            if (failure instanceof NoSuchFileException) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix))
                    .contents()) {
                if (!object.key().endsWith("/")) {
                    keys.add(object.key());
                }
            }
        } catch (SdkException e) {
            throw failures.translate("list", prefix, e);
        }
        return keys;
    }

    @Override
    public String where(String key) {
        return "s3://" + settings.bucket() + "/" + key;
    }

    @Override
    public void close() {
        client.close();
    }
}
