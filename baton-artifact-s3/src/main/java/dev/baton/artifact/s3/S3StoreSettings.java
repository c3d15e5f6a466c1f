package dev.baton.artifact.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an S3 artifact store connects to, read once from the server's configuration with the environment
 * ({@code BATON_S3_*}) as fallback; never from workflow YAML.
 *
 * @param endpoint     an S3-compatible endpoint (S3Proxy, MinIO); empty for AWS itself
 * @param region       the signing region
 * @param bucket       the bucket blobs go in
 * @param prefix       a key prefix without leading or trailing slashes; empty for the bucket's root
 * @param pathStyle    {@code http://host/bucket/key} rather than {@code http://bucket.host/key}
 * @param credentials  static credentials; empty for the AWS SDK's default chain
 * @param cacheDir     where {@code localFile} keeps verified copies; empty for a temporary directory
 * @param createBucket whether a missing bucket is created
 * @param partSize     the size of multipart-upload parts, and the size from which uploads are multipart
 */
public record S3StoreSettings(
        Optional<URI> endpoint,
        String region,
        String bucket,
        String prefix,
        boolean pathStyle,
        Optional<StaticCredentials> credentials,
        Optional<Path> cacheDir,
        boolean createBucket,
        long partSize) {

    public static final String ENDPOINT = "endpoint";
    public static final String REGION = "region";
    public static final String BUCKET = "bucket";
    public static final String PREFIX = "prefix";
    public static final String PATH_STYLE = "pathStyle";
    public static final String ACCESS_KEY = "accessKey";
    public static final String SECRET_KEY = "secretKey";
    public static final String CACHE_DIR = "cacheDir";
    public static final String CREATE_BUCKET = "createBucket";
    public static final String PART_SIZE_MIB = "partSizeMiB";

    /** S3 refuses parts under 5 MiB (except the last). */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    public static final String DEFAULT_REGION = "us-east-1";

    /** An access key and its secret; the secret never appears in {@link #toString()}. */
    public record StaticCredentials(String accessKey, String secretKey) {
        @Override
        public String toString() {
            return "StaticCredentials[accessKey=" + accessKey + ", secretKey=<redacted>]";
        }
    }

    public S3StoreSettings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("the 's3' artifact store needs a bucket: the setting '" + BUCKET
                    + "' or the environment variable BATON_S3_BUCKET");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("'" + PART_SIZE_MIB + "' must be at least 5: S3 refuses smaller parts");
        }
    }

    /**
     * Reads settings, each falling back to its environment variable: {@code endpoint} to {@code BATON_S3_ENDPOINT},
     * {@code region} to {@code BATON_S3_REGION} (then {@code AWS_REGION}, then us-east-1), {@code bucket} to
     * {@code BATON_S3_BUCKET}, {@code prefix} to {@code BATON_S3_PREFIX}, {@code accessKey}/{@code secretKey} to
     * {@code BATON_S3_ACCESS_KEY}/{@code BATON_S3_SECRET_KEY} (then the AWS SDK's default chain).
     */
    public static S3StoreSettings from(Map<String, String> settings, Map<String, String> environment) {
        Lookup lookup = new Lookup(settings, environment);
        Optional<URI> endpoint = lookup.get(ENDPOINT, "BATON_S3_ENDPOINT").map(S3StoreSettings::endpointUri);
        String region = lookup.get(REGION, "BATON_S3_REGION")
                .or(() -> lookup.environment("AWS_REGION"))
                .orElse(DEFAULT_REGION);
        String bucket = lookup.get(BUCKET, "BATON_S3_BUCKET").orElse(null);
        String prefix = lookup.get(PREFIX, "BATON_S3_PREFIX").map(S3StoreSettings::normalizePrefix).orElse("");
        // S3-compatible servers rarely have wildcard DNS for virtual-hosted buckets; AWS itself prefers them.
        boolean pathStyle = lookup.setting(PATH_STYLE).map(v -> bool(PATH_STYLE, v)).orElse(endpoint.isPresent());
        Optional<StaticCredentials> credentials = credentials(lookup);
        Optional<Path> cacheDir = lookup.setting(CACHE_DIR).map(Path::of);
        boolean createBucket = lookup.setting(CREATE_BUCKET).map(v -> bool(CREATE_BUCKET, v)).orElse(true);
        long partSize = lookup.setting(PART_SIZE_MIB).map(S3StoreSettings::mebibytes).orElse(DEFAULT_PART_SIZE);
        return new S3StoreSettings(endpoint, region, bucket, prefix, pathStyle, credentials, cacheDir, createBucket,
                partSize);
    }

    /** Where the store is, for messages: {@code s3://bucket/prefix at http://endpoint}. */
    public String location() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix)
                + endpoint.map(uri -> " at " + uri).orElse(" (AWS, " + region + ")");
    }

    private static Optional<StaticCredentials> credentials(Lookup lookup) {
        Optional<String> accessKey = lookup.get(ACCESS_KEY, "BATON_S3_ACCESS_KEY");
        Optional<String> secretKey = lookup.get(SECRET_KEY, "BATON_S3_SECRET_KEY");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("the 's3' artifact store needs both '" + ACCESS_KEY + "' and '"
                    + SECRET_KEY + "' (or BATON_S3_ACCESS_KEY and BATON_S3_SECRET_KEY), or neither to use the AWS"
                    + " default credentials chain");
        }
        return accessKey.map(key -> new StaticCredentials(key, secretKey.orElseThrow()));
    }

    private static URI endpointUri(String value) {
        String problem = "'" + ENDPOINT + "' must be an http or https URL such as http://127.0.0.1:18080, not " + value;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(problem);
        }
        return uri;
    }

    private static String normalizePrefix(String value) {
        String prefix = value;
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + key + "' must be true or false, not " + value);
        };
    }

    private static long mebibytes(String value) {
        try {
            return Long.parseLong(value) * 1024 * 1024;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + PART_SIZE_MIB + "' must be a whole number of MiB, not " + value,
                    e);
        }
    }

    /** Non-blank values from the settings first, then from the environment. */
    private record Lookup(Map<String, String> settings, Map<String, String> environment) {
        Optional<String> get(String setting, String variable) {
            return setting(setting).or(() -> environment(variable));
        }

        Optional<String> setting(String key) {
            return nonBlank(settings.get(key));
        }

        Optional<String> environment(String variable) {
            return nonBlank(environment.get(variable));
        }

        private static Optional<String> nonBlank(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }
}
