package dev.baton.engine.runtime.artifact.repository;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each namespace reads its own secrets, from files or from the environment variables granted to it. */
class SecretsTest {
    @TempDir
    Path home;
    Path secrets;

    @BeforeEach
    void secretsDirectory() throws Exception {
        secrets = Files.createDirectory(home.resolve("secrets"));
    }

    private Path write(String relative, String text) throws Exception {
        Path file = secrets.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void environmentFirstThenFileWithoutTrailingNewline() throws Exception {
        write("default/my-s3/secretKey", "from-file\n");
        write("default/my-s3/accessKey", "ignored\n");
        Secrets resolver = new Secrets(Map.of("BATON_SECRET_MY_S3_ACCESSKEY", "from-env"), secrets, "default");
        assertThat(resolver.value(new SecretRef("my-s3", "accessKey"))).isEqualTo("from-env");
        assertThat(resolver.value(new SecretRef("my-s3", "secretKey"))).isEqualTo("from-file");
    }

    @Test
    void theDefaultNamespaceStillReadsTheLayoutWithoutNamespaces() throws Exception {
        write("my-s3/accessKey", "older\n");
        assertThat(new Secrets(Map.of(), secrets, "default").value(new SecretRef("my-s3", "accessKey")))
                .isEqualTo("older");
        assertThatThrownBy(() -> new Secrets(Map.of(), secrets, "team-b").value(new SecretRef("my-s3", "accessKey")))
                .hasMessageContaining("is not set");
    }

    @Test
    void aWorkflowReadsItsOwnNamespacesFileAndNotAnothers() throws Exception {
        write("team-a/creds/key", "a-secret\n");
        write("team-b/creds/key", "b-secret\n");

        assertThat(new Secrets(Map.of(), secrets, "team-a").value(new SecretRef("creds", "key")))
                .isEqualTo("a-secret");
        assertThat(new Secrets(Map.of(), secrets, "team-b").value(new SecretRef("creds", "key")))
                .isEqualTo("b-secret");
        assertThatThrownBy(() -> new Secrets(Map.of(), secrets, "team-c").value(new SecretRef("creds", "key")))
                .hasMessageContaining("is not set").hasMessageNotContaining("team-a").hasMessageNotContaining("team-b");
    }

    @Test
    void anEnvironmentVariableServesOnlyTheNamespacesItIsGrantedTo() throws Exception {
        SecretRef ref = new SecretRef("creds", "key");
        Map<String, String> ungranted = Map.of("BATON_SECRET_CREDS_KEY", "env-secret");
        Map<String, String> granted = Map.of("BATON_SECRET_CREDS_KEY", "env-secret",
                "BATON_SECRET_CREDS_NAMESPACES", "team-a, team-c");

        assertThat(new Secrets(ungranted, secrets, "default").value(ref)).isEqualTo("env-secret");
        assertThatThrownBy(() -> new Secrets(ungranted, secrets, "team-b").value(ref))
                .hasMessageContaining("is not set").hasMessageNotContaining("env-secret");
        assertThat(new Secrets(granted, secrets, "team-a").value(ref)).isEqualTo("env-secret");
        assertThat(new Secrets(granted, secrets, "team-c").value(ref)).isEqualTo("env-secret");
        assertThatThrownBy(() -> new Secrets(granted, secrets, "team-b").value(ref)).hasMessageContaining("is not set");
        assertThatThrownBy(() -> new Secrets(granted, secrets, "default").value(ref)).hasMessageContaining("is not set");
        assertThat(new Secrets(Map.of("BATON_SECRET_CREDS_KEY", "env-secret", "BATON_SECRET_CREDS_NAMESPACES", "*"),
                secrets, "anyone").value(ref)).isEqualTo("env-secret");
    }

    @Test
    void aMissingSecretSaysWhereToPutItForThisNamespaceOnly() throws Exception {
        write("team-a/team.creds/key", "a-secret\n");
        Secrets resolver = new Secrets(Map.of("BATON_SECRET_TEAM_CREDS_KEY", "granted-elsewhere",
                "BATON_SECRET_TEAM_CREDS_NAMESPACES", "team-a"), secrets, "team-b");
        assertThatThrownBy(() -> resolver.value(new SecretRef("team.creds", "key")))
                .hasMessage("secret 'team.creds' key 'key' is not set for namespace team-b: write it to the file"
                        + " secrets/team-b/team.creds/key under BATON_HOME, or set BATON_SECRET_TEAM_CREDS_KEY and"
                        + " list team-b in BATON_SECRET_TEAM_CREDS_NAMESPACES");
    }

    @Test
    void aSecretNameCannotReachOutsideTheNamespacesDirectory() throws Exception {
        Files.writeString(secrets.resolveSibling("outside"), "leak");
        write("team-a/creds/key", "a-secret");
        Secrets resolver = new Secrets(Map.of(), secrets, "team-b");
        for (SecretRef hostile : new SecretRef[]{new SecretRef("..", "outside"), new SecretRef("../team-a/creds",
                "key"), new SecretRef("..", "team-a"), new SecretRef(".", "key"), new SecretRef("creds", "..")}) {
            assertThatThrownBy(() -> resolver.value(hostile)).as(hostile.toString()).hasMessageContaining("is not set");
        }
        assertThatThrownBy(() -> new Secrets(Map.of(), secrets, "..").value(new SecretRef("team-a", "creds")))
                .hasMessageContaining("is not set");
    }

    @Test
    void aLinkOutOfTheNamespacesDirectoryIsNotFollowed() throws Exception {
        Path aSecret = write("team-a/creds/key", "a-secret");
        Path outside = Files.writeString(secrets.resolveSibling("host-file"), "host");
        Files.createDirectories(secrets.resolve("team-b/creds"));
        Files.createSymbolicLink(secrets.resolve("team-b/creds/key"), aSecret);
        Files.createSymbolicLink(secrets.resolve("team-b/creds/host"), outside);
        Files.createSymbolicLink(secrets.resolve("team-b/linked"), aSecret.getParent());
        Files.createDirectories(secrets.resolve("old"));
        Files.createSymbolicLink(secrets.resolve("old/key"), aSecret);

        Secrets b = new Secrets(Map.of(), secrets, "team-b");
        assertThatThrownBy(() -> b.value(new SecretRef("creds", "key"))).hasMessageContaining("is not set");
        assertThatThrownBy(() -> b.value(new SecretRef("creds", "host"))).hasMessageContaining("is not set");
        assertThatThrownBy(() -> b.value(new SecretRef("linked", "key"))).hasMessageContaining("is not set");
        assertThatThrownBy(() -> new Secrets(Map.of(), secrets, "default").value(new SecretRef("old", "key")))
                .as("the older layout of namespace default cannot reach into another namespace")
                .hasMessageContaining("is not set");
    }

    @Test
    void aKeyNamedNamespacesIsNeverReadFromItsGrantVariable() {
        Secrets resolver = new Secrets(Map.of("BATON_SECRET_CREDS_NAMESPACES", "default"), secrets, "default");
        assertThatThrownBy(() -> resolver.value(new SecretRef("creds", "namespaces")))
                .hasMessageContaining("is not set");
    }
}
