package dev.baton.cli.remote;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** How each answer of a server is told to the user (the answers themselves are exercised by the ITs). */
class ServerClientTest {
    private final ServerClient client = new ServerClient(new ServerTarget(URI.create("http://h:1"), null));

    @Test
    void aRouteTheServerLacksIsToldApartFromAMissingRun() {
        RemoteFailure older = client.failure("PUT", "/api/v1/workflows/default/x/stop", 404,
                "{\"status\":404,\"detail\":\"no such endpoint: PUT /api/v1/workflows/default/x/stop\"}", false);
        assertThat(older.getMessage()).isEqualTo("server http://h:1 does not support PUT "
                + "/api/v1/workflows/default/x/stop (404: no such endpoint); it may be an older version");
        assertThat(older.exitStatus()).isEqualTo(1);
        RemoteFailure missing = client.failure("GET", "/api/v1/workflows/default/x", 404,
                "{\"status\":404,\"detail\":\"no workflow named 'x' in namespace default\"}", false);
        assertThat(missing.getMessage()).isEqualTo("server http://h:1: not found (404): no workflow named 'x' in "
                + "namespace default");
    }

    @Test
    void problemsKeepTheirLinesOnlyWhenTheFileWasSentAsItIs() {
        String body = "{\"status\":400,\"title\":\"Invalid Workflow\",\"detail\":\"1 problem(s)\",\"problems\":"
                + "[{\"path\":\"spec.entrypoint\",\"line\":5,\"column\":15,\"message\":\"unknown template 'x'\"}]}";
        RemoteFailure asFile = client.failure("POST", "/api/v1/workflows/default", 400, body, true);
        assertThat(asFile.getMessage()).isEqualTo("server http://h:1 rejected the workflow (400 Invalid Workflow), "
                + "1 problem(s):\n  line 5:15: spec.entrypoint: unknown template 'x'");
        assertThat(asFile.exitStatus()).isEqualTo(2);
        RemoteFailure rewritten = client.failure("POST", "/api/v1/workflows/default", 400, body, false);
        assertThat(rewritten.getMessage()).endsWith("1 problem(s):\n  spec.entrypoint: unknown template 'x'");
    }

    @Test
    void aMissingTokenIsNamedAsTheLikelyCause() {
        RemoteFailure failure = client.failure("GET", "/api/v1/workflows/default", 401,
                "{\"status\":401,\"detail\":\"send a token\"}", false);
        assertThat(failure.getMessage()).isEqualTo("server http://h:1 refused the token (401 Unauthorized): send a "
                + "token (no token is set: say --token or set BATON_TOKEN)");
    }

    @Test
    void aBodyThatIsNotAProblemStillGivesOneLine() {
        assertThat(client.failure("GET", "/p", 502, "<html>bad gateway</html>", false).getMessage())
                .isEqualTo("server http://h:1 answered GET /p with 502");
    }
}
