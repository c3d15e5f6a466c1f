package dev.baton.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.artifact.s3.S3RepositoryObjects;
import dev.baton.artifact.s3.S3StoreSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Argo's repository view on an S3-compatible server (S3Proxy): key-only artifacts and explicit s3 inputs with secrets. */
class S3ArtifactRepositoryIT {
    @TempDir
    Path home;

    @BeforeAll
    static void needsS3() {
        if (System.getenv("BATON_S3_ENDPOINT") == null) {
            String reason = "S3 endpoint not configured (set BATON_S3_ENDPOINT or run .ci/s3proxy.sh)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    private static S3RepositoryObjects bucket() {
        // creates the bucket, so that no test depends on another having run first
        return new S3RepositoryObjects(S3StoreSettings.from(Map.of(S3StoreSettings.CREATE_BUCKET, "true"),
                System.getenv()));
    }

    private BatonProcess.Outcome run(String yaml, Map<String, String> env) throws Exception {
        Path file = Files.createTempFile(home, "wf", ".yaml");
        Files.writeString(file, yaml);
        return BatonProcess.run(home, env, 120, "run", file.toString(), "-o", "json");
    }

    @Test
    void keyOnlyOutputIsReadBackFromTheBucket() throws Exception {
        BatonProcess.Outcome outcome = run(ArtifactRepositoryIT.KEY_ONLY, Map.of("BATON_ARTIFACT_STORE", "s3"));
        RunResult r = outcome.result();
        assertThat(r.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        assertThat(r.node("consume").stdout()).isEqualTo("hello from generate");
        JsonNode s3 = r.node("generate").json().path("outputs").path("artifacts").get(0).path("s3");
        assertThat(s3.path("bucket").asText()).isEqualTo(System.getenv("BATON_S3_BUCKET"));
        assertThat(s3.path("key").asText()).isEqualTo(r.name() + "/my-file");
        try (S3RepositoryObjects objects = bucket();
             InputStream in = objects.open(r.name() + "/my-file").orElseThrow()) {
            assertThat(ArtifactRepositoryIT.tarEntries(in)).containsEntry("file", "hello from generate\n");
        }
        assertThat(Files.exists(home.resolve("repository"))).isFalse();
    }

    private static String explicitInput(String secret, String key) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: explicit-s3-
                spec:
                  entrypoint: read
                  templates:
                    - name: read
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["find /tmp/in -type f | sort | xargs cat"]
                      inputs:
                        artifacts:
                          - name: in
                            path: /tmp/in
                            s3:
                              endpoint: ENDPOINT
                              bucket: BUCKET
                              key: KEY
                              accessKeySecret: {name: SECRET, key: accessKey}
                              secretKeySecret: {name: SECRET, key: secretKey}
                """.replace("ENDPOINT", System.getenv("BATON_S3_ENDPOINT").replaceFirst("^http://", ""))
                .replace("BUCKET", System.getenv("BATON_S3_BUCKET")).replace("KEY", key).replace("SECRET", secret)
                .replace("bucket:", "insecure: true\n              bucket:");
    }

    @Test
    void explicitInputUsesCredentialsFromSecretsAndReadsADirectoryKey() throws Exception {
        String prefix = "baton-it/" + UUID.randomUUID() + "/";
        Path a = Files.writeString(home.resolve("a.txt"), "first\n");
        Path b = Files.writeString(home.resolve("b.txt"), "second\n");
        try (S3RepositoryObjects objects = bucket()) {
            objects.put(prefix + "dir/a.txt", a);
            objects.put(prefix + "dir/sub/b.txt", b);
        }
        Files.createDirectories(home.resolve("secrets/team-s3"));
        Files.writeString(home.resolve("secrets/team-s3/secretKey"), System.getenv("BATON_S3_SECRET_KEY") + "\n");
        Map<String, String> env = Map.of("BATON_SECRET_TEAM_S3_ACCESSKEY", System.getenv("BATON_S3_ACCESS_KEY"),
                // wrong environment credentials: only the secrets can work
                "BATON_S3_ACCESS_KEY", "wrong", "BATON_S3_SECRET_KEY", "wrong");
        BatonProcess.Outcome dir = run(explicitInput("team-s3", prefix + "dir/"), env);
        assertThat(dir.result().phase()).as(dir.stderr()).isEqualTo("Succeeded");
        assertThat(dir.result().root().stdout()).isEqualTo("first\nsecond");

        BatonProcess.Outcome file = run(explicitInput("team-s3", prefix + "dir/a.txt"), env);
        assertThat(file.result().phase()).as(file.stderr()).isEqualTo("Succeeded");
        assertThat(file.result().root().stdout()).isEqualTo("first");

        BatonProcess.Outcome missing = run(explicitInput("team-s3", prefix + "absent.tgz"), env);
        assertThat(missing.result().root().phase()).isEqualTo("Error");
        assertThat(missing.result().root().message()).contains(prefix + "absent.tgz");
    }

    @Test
    void aWorkflowReadsOnlyTheSecretsOfItsOwnNamespace() throws Exception {
        String prefix = "baton-it/" + UUID.randomUUID() + "/";
        Path a = Files.writeString(home.resolve("a.txt"), "team a's data\n");
        try (S3RepositoryObjects objects = bucket()) {
            objects.put(prefix + "a.txt", a);
        }
        // team-a's credentials: the access key in team-a's secrets directory, the secret key in a variable granted
        // to team-a only; the environment's own credentials are wrong, so only the secrets can work
        Files.createDirectories(home.resolve("secrets/team-a/team-s3"));
        Files.writeString(home.resolve("secrets/team-a/team-s3/accessKey"), System.getenv("BATON_S3_ACCESS_KEY"));
        Map<String, String> env = Map.of("BATON_SECRET_TEAM_S3_SECRETKEY", System.getenv("BATON_S3_SECRET_KEY"),
                "BATON_SECRET_TEAM_S3_NAMESPACES", "team-a",
                "BATON_S3_ACCESS_KEY", "wrong", "BATON_S3_SECRET_KEY", "wrong");

        BatonProcess.Outcome own = run(inNamespace("team-a", explicitInput("team-s3", prefix + "a.txt")), env);
        assertThat(own.result().phase()).as(own.stderr()).isEqualTo("Succeeded");
        assertThat(own.result().root().stdout()).isEqualTo("team a's data");

        BatonProcess.Outcome otherFile = run(inNamespace("team-b", explicitInput("team-s3", prefix + "a.txt")), env);
        assertThat(otherFile.result().root().phase()).isEqualTo("Error");
        assertThat(otherFile.result().root().message())
                .contains("secret 'team-s3' key 'accessKey' is not set for namespace team-b")
                .contains("secrets/team-b/team-s3/accessKey").doesNotContain("team-a")
                .doesNotContain(home.toString());

        // with an access key of its own, team-b still does not get team-a's secret key from the environment
        Files.createDirectories(home.resolve("secrets/team-b/team-s3"));
        Files.writeString(home.resolve("secrets/team-b/team-s3/accessKey"), System.getenv("BATON_S3_ACCESS_KEY"));
        BatonProcess.Outcome otherEnv = run(inNamespace("team-b", explicitInput("team-s3", prefix + "a.txt")), env);
        assertThat(otherEnv.result().root().phase()).isEqualTo("Error");
        assertThat(otherEnv.result().root().message())
                .contains("secret 'team-s3' key 'secretKey' is not set for namespace team-b")
                .doesNotContain("team-a").doesNotContain(System.getenv("BATON_S3_SECRET_KEY"));
    }

    private static String inNamespace(String namespace, String yaml) {
        return yaml.replace("  generateName: explicit-s3-", "  generateName: explicit-s3-\n  namespace: " + namespace);
    }

    @Test
    void aFailedS3WriteErrorsTheNodeNamingTheBucketAndKey() throws Exception {
        BatonProcess.Outcome outcome = run(ArtifactRepositoryIT.replaced(ArtifactRepositoryIT.KEY_ONLY,
                "            s3:\n              key: \"{{workflow.name}}/my-file\"\n    - name: consume",
                "            s3:\n              endpoint: " + System.getenv("BATON_S3_ENDPOINT") + "\n"
                        + "              bucket: baton-no-such-bucket\n              key: out/my-file\n    - name: consume"),
                Map.of());
        RunResult r = outcome.result();
        assertThat(r.node("generate").phase()).as(outcome.stderr()).isEqualTo("Error");
        assertThat(r.node("generate").message()).contains("output artifact 'file'").contains("out/my-file")
                .contains("baton-no-such-bucket");
        assertThat(r.phase()).isIn("Error", "Failed");
    }

    @Test
    void aMissingSecretErrorsTheNodeNamingIt() throws Exception {
        BatonProcess.Outcome outcome = run(explicitInput("absent-s3", "any/key"), Map.of());
        assertThat(outcome.result().root().phase()).isEqualTo("Error");
        assertThat(outcome.result().root().message()).contains("secret 'absent-s3' key 'accessKey'")
                .contains("BATON_SECRET_ABSENT_S3_ACCESSKEY").contains("secrets/default/absent-s3/accessKey");
    }
}
