package dev.baton.engine.runtime.artifact.repository;

import java.nio.file.Path;

/** Where an artifact repository keeps its objects, as configured (Argo's {@code artifactRepository}, or Baton's local form). */
public sealed interface RepositorySpec {

    /** The rendered-per-output key format; null means Argo's default. */
    String keyFormat();

    /** A local directory ({@code filesystem: {root}}). */
    record Filesystem(Path root, String keyFormat) implements RepositorySpec {
    }

    /**
     * An S3-compatible bucket ({@code s3: {bucket, endpoint, region, insecure, keyFormat, accessKeySecret,
     * secretKeySecret}}); without secrets, the credentials of the environment ({@code BATON_S3_*}, then AWS's).
     */
    record S3(String bucket, String endpoint, String region, boolean insecure, String keyFormat,
              SecretRef accessKeySecret, SecretRef secretKeySecret) implements RepositorySpec {
    }
}
