package dev.baton.engine.runtime.artifact.repository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {
    @TempDir
    Path secrets;

    @Test
    void environmentFirstThenFileWithoutTrailingNewline() throws Exception {
        Files.createDirectories(secrets.resolve("my-s3"));
        Files.writeString(secrets.resolve("my-s3/secretKey"), "from-file\n");
        Files.writeString(secrets.resolve("my-s3/accessKey"), "ignored\n");
        Secrets resolver = new Secrets(Map.of("BATON_SECRET_MY_S3_ACCESSKEY", "from-env"), secrets);
        assertThat(resolver.value(new SecretRef("my-s3", "accessKey"))).isEqualTo("from-env");
        assertThat(resolver.value(new SecretRef("my-s3", "secretKey"))).isEqualTo("from-file");
    }

    @Test
    void aMissingSecretIsNamedWithBothPlaces() {
        Secrets resolver = new Secrets(Map.of(), secrets);
        assertThatThrownBy(() -> resolver.value(new SecretRef("team.creds", "key")))
                .hasMessage("secret 'team.creds' key 'key' is not set: set BATON_SECRET_TEAM_CREDS_KEY or write it"
                        + " to the file secrets/team.creds/key under BATON_HOME");
    }

    @Test
    void aSecretNameCannotReachOutsideTheSecretsDirectory() throws Exception {
        Files.writeString(secrets.resolveSibling("outside"), "leak");
        Secrets resolver = new Secrets(Map.of(), secrets);
        assertThatThrownBy(() -> resolver.value(new SecretRef("..", "outside"))).hasMessageContaining("is not set");
    }
}
