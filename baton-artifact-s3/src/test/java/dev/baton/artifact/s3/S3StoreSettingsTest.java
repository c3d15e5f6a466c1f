package dev.baton.artifact.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.artifact.ArtifactStoreProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** How settings and the environment combine; no S3 server needed. */
class S3StoreSettingsTest {

    @Test
    void settingsWinOverTheEnvironmentAndTheEnvironmentFillsTheRest() {
        S3StoreSettings settings = S3StoreSettings.from(
                Map.of("bucket", "from-settings", "prefix", "/team/a/"),
                Map.of("BATON_S3_BUCKET", "from-env", "BATON_S3_ENDPOINT", "http://127.0.0.1:18080",
                        "BATON_S3_REGION", "eu-west-1", "BATON_S3_ACCESS_KEY", "key", "BATON_S3_SECRET_KEY", "secret"));

        assertThat(settings.bucket()).isEqualTo("from-settings");
        assertThat(settings.prefix()).isEqualTo("team/a");
        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:18080"));
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.credentials()).contains(new S3StoreSettings.StaticCredentials("key", "secret"));
        assertThat(settings.location()).isEqualTo("s3://from-settings/team/a at http://127.0.0.1:18080");
    }

    @Test
    void pathStyleIsTheDefaultOnlyWithAnEndpoint() {
        assertThat(S3StoreSettings.from(Map.of("bucket", "b", "endpoint", "http://localhost:9000"), Map.of())
                .pathStyle()).isTrue();
        assertThat(S3StoreSettings.from(Map.of("bucket", "b"), Map.of()).pathStyle()).isFalse();
        assertThat(S3StoreSettings.from(Map.of("bucket", "b", "endpoint", "http://localhost:9000",
                "pathStyle", "false"), Map.of()).pathStyle()).isFalse();
    }

    @Test
    void defaultsAreUsEast1TheDefaultCredentialsChainATemporaryCacheAndBucketCreation() {
        S3StoreSettings settings = S3StoreSettings.from(Map.of("bucket", "b"), Map.of());

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.credentials()).isEmpty();
        assertThat(settings.cacheDir()).isEmpty();
        assertThat(settings.createBucket()).isTrue();
        assertThat(settings.partSize()).isEqualTo(8L * 1024 * 1024);
        assertThat(S3StoreSettings.from(Map.of("bucket", "b", "cacheDir", "/var/cache/baton", "createBucket", "false",
                "partSizeMiB", "16"), Map.of()))
                .extracting(S3StoreSettings::cacheDir, S3StoreSettings::createBucket, S3StoreSettings::partSize)
                .containsExactly(Optional.of(Path.of("/var/cache/baton")), false, 16L * 1024 * 1024);
    }

    @Test
    void aMissingBucketIsNamedWithWhereToSetIt() {
        assertThatThrownBy(() -> S3StoreSettings.from(Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bucket'")
                .hasMessageContaining("BATON_S3_BUCKET");
    }

    @Test
    void anAccessKeyWithoutASecretIsRejected() {
        assertThatThrownBy(() -> S3StoreSettings.from(Map.of("bucket", "b", "accessKey", "k"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'secretKey'");
    }

    @Test
    void badValuesAreRejectedWithTheSettingName() {
        assertThatThrownBy(() -> S3StoreSettings.from(Map.of("bucket", "b", "endpoint", "127.0.0.1:18080"), Map.of()))
                .hasMessageContaining("'endpoint' must be an http or https URL");
        assertThatThrownBy(() -> S3StoreSettings.from(Map.of("bucket", "b", "pathStyle", "yes"), Map.of()))
                .hasMessageContaining("'pathStyle' must be true or false");
        assertThatThrownBy(() -> S3StoreSettings.from(Map.of("bucket", "b", "partSizeMiB", "4"), Map.of()))
                .hasMessageContaining("at least 5");
    }

    @Test
    void theSecretKeyNeverAppearsInToString() {
        S3StoreSettings settings = S3StoreSettings.from(Map.of("bucket", "b", "accessKey", "AKIDEXAMPLE",
                "secretKey", "wJalrXUtnFEMI"), Map.of());

        assertThat(settings.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void theProviderIsFoundByKind() {
        assertThat(ServiceLoader.load(ArtifactStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(ArtifactStoreProvider::kind))
                .contains("s3");
    }
}
