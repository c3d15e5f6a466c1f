package dev.baton.engine.runtime.artifact.repository;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryConfigTest {
    private static final Path HOME = Path.of("/home/user/.baton");

    @Test
    void readsArgosConfigMapShapeWithTheDefaultAnnotation() {
        RepositoryConfig config = RepositoryConfig.parse(Map.of(
                "metadata", Map.of("annotations", Map.of(RepositoryConfig.DEFAULT_ANNOTATION, "minio")),
                "data", Map.of(
                        "minio", Map.of("s3", Map.of("bucket", "my-bucket", "endpoint", "minio:9000",
                                "insecure", true, "keyFormat", "prefix/{{workflow.name}}",
                                "accessKeySecret", Map.of("name", "my-minio-cred", "key", "accesskey"),
                                "secretKeySecret", Map.of("name", "my-minio-cred", "key", "secretkey"))),
                        "local", Map.of("filesystem", Map.of("root", "repo-b")))), "artifact-repositories.yaml", HOME);
        assertThat(config.defaultKey()).isEqualTo("minio");
        assertThat(config.repositories().get("minio")).isEqualTo(new RepositorySpec.S3("my-bucket", "minio:9000",
                null, true, "prefix/{{workflow.name}}", new SecretRef("my-minio-cred", "accesskey"),
                new SecretRef("my-minio-cred", "secretkey")));
        assertThat(config.repositories().get("local"))
                .isEqualTo(new RepositorySpec.Filesystem(HOME.resolve("repo-b"), null));
    }

    @Test
    void keyPrefixBecomesAKeyFormat() {
        RepositoryConfig config = RepositoryConfig.parse(Map.of("data", Map.of("old",
                Map.of("s3", Map.of("bucket", "b", "keyPrefix", "legacy")))), "f.yaml", HOME);
        assertThat(config.repositories().get("old").keyFormat()).isEqualTo("legacy/{{workflow.name}}/{{pod.name}}");
        assertThat(config.defaultKey()).isNull();
    }

    @Test
    void problemsNameTheFileEntryAndField() {
        assertThatThrownBy(() -> RepositoryConfig.parse(Map.of("data", Map.of("g",
                Map.of("gcs", Map.of("bucket", "b")))), "f.yaml", HOME))
                .hasMessage("f.yaml: data.g: Baton supports 's3' and 'filesystem' repositories, not 'gcs'");
        assertThatThrownBy(() -> RepositoryConfig.parse(Map.of("data", Map.of("s",
                Map.of("s3", Map.of("endpoint", "x")))), "f.yaml", HOME))
                .hasMessage("f.yaml: data.s.s3.bucket: a bucket is required");
        assertThatThrownBy(() -> RepositoryConfig.parse(Map.of("data", Map.of("s",
                Map.of("s3", Map.of("bucket", "b", "accessKeySecret", "plain-text")))), "f.yaml", HOME))
                .hasMessageContaining("f.yaml: data.s.s3.accessKeySecret: a secret needs 'name' and 'key'");
        assertThatThrownBy(() -> RepositoryConfig.parse(Map.of(
                "metadata", Map.of("annotations", Map.of(RepositoryConfig.DEFAULT_ANNOTATION, "nope")),
                "data", Map.of("a", Map.of("filesystem", Map.of("root", "r")))), "f.yaml", HOME))
                .hasMessageContaining("names 'nope', which is not under 'data' (a)");
    }
}
