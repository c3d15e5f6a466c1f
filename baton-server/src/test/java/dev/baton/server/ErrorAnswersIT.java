package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is problem+json that says what is wrong and nothing about the server's inside, with a correlation
 * id in the body and the header: also for what Jetty refuses before any route runs, and for bodies that are not
 * UTF-8 or say one key twice.
 */
class ErrorAnswersIT extends ApiSuite {
    @Override
    TestStores stores() {
        return new TestStores.Sqlite();
    }

    private RawHttp raw() {
        return new RawHttp(server.server.uri());
    }

    @Test
    void malformedUrlsAreAnsweredAsProblemsNotJettysHtmlPage() throws Exception {
        for (String target : new String[]{"/api/v1/workflows/default/%00", "/api/v1/workflows/default/%zz",
                "/api/v1/workflows/default/a%", "/api/v1/workflows/%c0%ae%c0%ae/x", "/%2e%2e/%2e%2e/etc/passwd"}) {
            RawHttp.Answer answer = raw().send("GET", target, Map.of(), null);

            assertThat(answer.status()).as(target).isBetween(400, 499);
            assertProblem(answer, answer.status());
        }
    }

    @Test
    void unknownPathsWrongMethodsAndHugeHeadersAreProblemsToo() throws Exception {
        assertProblem(raw().send("GET", "/no/such/endpoint", Map.of(), null), 404);
        assertProblem(raw().send("BREW", "/healthz", Map.of(), null), 405);
        RawHttp.Answer huge = raw().send("GET", "/healthz", Map.of("X-Filler", "a".repeat(64 * 1024)), null);
        assertProblem(huge, 431);
    }

    @Test
    void theCorrelationIdOfTheAnswerIsTheOneInTheHeader() throws Exception {
        RawHttp.Answer answer = raw().send("GET", "/api/v1/workflows/default/%00", Map.of(), null);

        JsonNode problem = TestServer.JSON.readTree(answer.body());
        assertThat(problem.path("correlationId").asText()).matches("[0-9a-f]{16}")
                .isEqualTo(answer.header("X-Correlation-Id"));
        assertThat(problem.path("instance").asText()).endsWith(problem.path("correlationId").asText());
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNamingTheByteAndNothingIsCreated() throws Exception {
        byte[] yaml = Workflows.script("caf\u00e9-run", "echo hi").replace("caf\u00e9-run", "cafe")
                .replace("echo hi", "echo caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = raw().send("POST", "/api/v1/workflows/default",
                Map.of("Content-Type", "application/yaml"), yaml);

        JsonNode problem = assertProblem(answer, 400);
        assertThat(problem.path("detail").asText()).contains("not valid UTF-8").contains("0xe9");
        assertThat(server.get("/api/v1/workflows/default/cafe").status()).isEqualTo(404);
    }

    @Test
    void aDuplicateKeyInJsonOrYamlIsA400NotLastOneWins() throws Exception {
        String json = "{\"workflow\": {\"apiVersion\": \"argoproj.io/v1alpha1\", \"kind\": \"Workflow\", "
                + "\"metadata\": {\"name\": \"twice\", \"name\": \"other\"}, \"spec\": {}}}";
        JsonNode fromJson = assertProblem(raw().send("POST", "/api/v1/workflows/default",
                Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(fromJson.path("detail").asText()).contains("Duplicate field 'name'").contains("line 1");

        String yaml = Workflows.script("twice", "echo hi").replace("kind: Workflow\n",
                "kind: Workflow\nkind: WorkflowTemplate\n");
        JsonNode fromYaml = server.postYaml("/api/v1/workflows/default", yaml).problem(400);
        assertThat(fromYaml.toString()).contains("duplicate key 'kind'").contains("\"line\":3");
        assertThat(server.get("/api/v1/workflows/default/twice").status()).isEqualTo(404);
        assertThat(server.get("/api/v1/workflows/default/other").status()).isEqualTo(404);
    }

    @Test
    void aTooDeepDocumentNamesTheLimitButNotTheParserBehindIt() throws Exception {
        String deep = "{\"workflow\": " + "[".repeat(1500) + "]".repeat(1500) + "}";

        JsonNode problem = assertProblem(raw().send("POST", "/api/v1/workflows/default",
                Map.of("Content-Type", "application/json"), deep.getBytes(StandardCharsets.UTF_8)), 400);

        assertThat(problem.path("detail").asText()).contains("nesting depth").contains("1000")
                .doesNotContain("StreamReadConstraints").doesNotContain("`");
    }

    /** Asserts a problem document with a correlation id that leaks no class, stack or path of the server. */
    private JsonNode assertProblem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("X-Correlation-Id")).matches("[0-9a-f]{16}");
        JsonNode problem = TestServer.JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("correlationId").asText()).isEqualTo(answer.header("X-Correlation-Id"));
        assertThat(answer.body()).doesNotContainPattern(AnswerLeaks.PATTERN)
                .doesNotContain(home.toString()).doesNotContain("<html");
        return problem;
    }
}
