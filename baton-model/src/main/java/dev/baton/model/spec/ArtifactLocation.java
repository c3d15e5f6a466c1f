package dev.baton.model.spec;

import dev.baton.model.binding.Variant;

import java.util.List;

/** Where an artifact lives outside Baton's own store. */
public sealed interface ArtifactLocation {

    /** Inline text. */
    @Variant("raw")
    record Raw(String data) implements ArtifactLocation {
    }

    /** An S3-compatible object; a key alone means the default repository's bucket. */
    @Variant("s3")
    record S3(String endpoint, String bucket, String key, String region, Boolean insecure,
              Object accessKeySecret, Object secretKeySecret, Object sessionTokenSecret, String roleARN,
              Boolean useSDKCreds, Object createBucketIfNotPresent, Object encryptionOptions,
              Object caSecret, String keyPrefix, String keyFormat) implements ArtifactLocation {
    }

    /** A URL fetched with GET. */
    @Variant("http")
    record Http(String url, List<Header> headers, Object auth) implements ArtifactLocation {
        /** One request header. */
        public record Header(String name, String value) {
        }
    }

    /** A git checkout. */
    @Variant("git")
    record Git(String repo, String revision, Long depth, List<String> fetch, Object usernameSecret,
               Object passwordSecret, Object sshPrivateKeySecret, Boolean insecureIgnoreHostKey,
               Boolean disableSubmodules, Boolean singleBranch, String branch, Boolean insecureSkipTLS)
            implements ArtifactLocation {
    }

    /** A Google Cloud Storage object. */
    @Variant("gcs")
    record Gcs(String bucket, String key, Object serviceAccountKeySecret) implements ArtifactLocation {
    }

    /** An Azure blob. */
    @Variant("azure")
    record Azure(String endpoint, String container, String blob, Object accountKeySecret, Boolean useSDKCreds)
            implements ArtifactLocation {
    }

    /** An Alibaba Cloud OSS object. */
    @Variant("oss")
    record Oss(String endpoint, String bucket, String key, Object accessKeySecret, Object secretKeySecret,
               Boolean createBucketIfNotPresent, String securityToken, Object lifecycleRule, Boolean useSDKCreds)
            implements ArtifactLocation {
    }

    /** An HDFS path. */
    @Variant("hdfs")
    record Hdfs(List<String> addresses, String hdfsUser, String path, Boolean force,
                Object krbCCacheSecret, Object krbKeytabSecret, String krbUsername, String krbRealm,
                Object krbConfigConfigMap, String krbServicePrincipalName, String dataTransferProtection)
            implements ArtifactLocation {
    }

    /** An Artifactory URL. */
    @Variant("artifactory")
    record Artifactory(String url, Object usernameSecret, Object passwordSecret) implements ArtifactLocation {
    }

    /** An artifact handled by an artifact plugin. */
    @Variant("plugin")
    record Plugin(String name, String configuration, Integer connectionTimeoutSeconds, String key)
            implements ArtifactLocation {
    }
}
