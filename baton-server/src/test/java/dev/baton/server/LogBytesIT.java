package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step printing bytes that are not UTF-8 succeeds on the server too; its archived log ({@code main-logs}) comes
 * back byte for byte and the JSON log endpoint shows U+FFFD, as Argo's does.
 */
class LogBytesIT extends ApiSuite {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }

    @Test
    void aLatin1StepSucceedsAndItsLogComesBackByteForByte() throws Exception {
        server.postYaml("/api/v1/workflows/default", Workflows.script("latin", "printf 'caf\\351\\n'"));
        JsonNode workflow = server.awaitFinished("default", "latin");
        assertThat(TestServer.phase(workflow)).isEqualTo("Succeeded");
        String nodeId = null;
        for (JsonNode node : workflow.path("status").path("nodes")) {
            if (node.path("type").asText().equals("Pod")) {
                nodeId = node.path("id").asText();
            }
        }

        HttpResponse<byte[]> archived = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.server.uri() + "/artifacts/default/latin/" + nodeId + "/outputs/main-logs")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        TestServer.Response lines = server.get("/api/v1/workflows/default/latin/log");

        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(archived.body()).containsExactly('c', 'a', 'f', 0xe9, '\n');
        assertThat(lines.status()).isEqualTo(200);
        assertThat(TestServer.JSON.readTree(lines.body().lines().findFirst().orElseThrow())
                .path("result").path("content").asText()).isEqualTo("caf\uFFFD");
    }
}
