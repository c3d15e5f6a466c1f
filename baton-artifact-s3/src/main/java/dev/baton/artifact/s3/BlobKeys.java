package dev.baton.artifact.s3;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where blobs live in the bucket: {@code <prefix>/sha256/<aa>/<rest of hex>}, the filesystem store's layout, so a
 * filesystem store's {@code sha256} directory can be synced into a bucket (or back) with any S3 tool.
 */
final class BlobKeys {
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{2})([0-9a-f]{62})");
    private static final Pattern KEY = Pattern.compile("([0-9a-f]{2})/([0-9a-f]{62})");

    private final String blobsPrefix;

    /** @param prefix a key prefix without leading or trailing slashes, or empty for the bucket's root */
    BlobKeys(String prefix) {
        this.blobsPrefix = (prefix.isEmpty() ? "" : prefix + "/") + "sha256/";
    }

    /** The prefix every blob key starts with, ending in {@code /}. */
    String blobsPrefix() {
        return blobsPrefix;
    }

    /** The object key of a blob; rejects anything that is not a {@code sha256:<64 hex>} digest. */
    String keyOf(String digest) {
        return blobsPrefix + fanOutPath(digest);
    }

    /** {@code <aa>/<rest of hex>}; rejects anything that is not a {@code sha256:<64 hex>} digest. */
    static String fanOutPath(String digest) {
        Matcher matcher = digest == null ? null : DIGEST.matcher(digest);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest
                    + " (expected sha256: followed by 64 lower-case hex digits)");
        }
        return matcher.group(1) + "/" + matcher.group(2);
    }

    /** The digest an object key stands for, or empty for any object the store did not put there. */
    Optional<String> digestOf(String key) {
        if (!key.startsWith(blobsPrefix)) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key.substring(blobsPrefix.length()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of("sha256:" + matcher.group(1) + matcher.group(2));
    }
}
