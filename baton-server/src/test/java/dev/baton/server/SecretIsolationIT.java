package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow on the server cannot use another namespace's secrets. The server resolves no secret for any
 * workflow today (it has no artifact repository: explicit s3 artifacts are refused there), so naming team-a's
 * secret from team-b must fail without a word about it.
 */
class SecretIsolationIT extends ApiSuite {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }

    @Test
    void aWorkflowOfAnotherNamespaceCannotUseASecretAndLearnsNothingOfIt() throws Exception {
        Path secret = home.resolve("secrets/team-a/team-s3/accessKey");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "team-a-access-key");
        Files.writeString(home.resolve("secrets/team-a/team-s3/secretKey"), "team-a-secret-key");

        assertThat(server.postYaml("/api/v1/workflows/team-b", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: borrow
                spec:
                  entrypoint: read
                  templates:
                  - name: read
                    inputs:
                      artifacts:
                      - name: in
                        path: /tmp/in
                        s3:
                          endpoint: 127.0.0.1:9
                          insecure: true
                          bucket: any
                          key: any
                          accessKeySecret: {name: team-s3, key: accessKey}
                          secretKeySecret: {name: team-s3, key: secretKey}
                    script:
                      image: alpine
                      command: [sh]
                      source: cat /tmp/in
                """).status()).isEqualTo(200);

        JsonNode done = server.awaitFinished("team-b", "borrow");

        assertThat(TestServer.phase(done)).isIn("Error", "Failed");
        String answer = done.toString();
        assertThat(answer).doesNotContain("team-a").doesNotContain("team-a-access-key")
                .doesNotContain("team-a-secret-key").doesNotContain(home.toString());
        String logs = server.get("/api/v1/workflows/team-b/borrow/log?logOptions.container=main").body();
        assertThat(logs).doesNotContain("team-a-access-key").doesNotContain("team-a-secret-key");
    }
}
