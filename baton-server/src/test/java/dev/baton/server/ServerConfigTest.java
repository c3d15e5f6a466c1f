package dev.baton.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsListenOnLoopbackAtArgosPortWithTokens() {
        ServerConfig c = ServerConfig.load(null, Map.of());

        assertThat(c.address()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(2746);
        assertThat(c.authRequired()).isTrue();
        assertThat(c.maxRequestBytes()).isEqualTo(16L << 20);
    }

    @Test
    void aFileSetsEveryKeyAndTheEnvironmentWins() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), """
                address: 0.0.0.0
                port: 8080
                auth: {mode: none, insecureNoAuth: true, allowedHosts: [baton.example.org]}
                limits: {maxRunningWorkflows: 3, maxRequestBytes: 2048, requestTimeoutSeconds: 5}
                store: {url: "jdbc:postgresql://db/baton"}
                cron: {tickSeconds: 5}
                steps: {insecure: true}
                """);

        ServerConfig c = ServerConfig.load(file, Map.of("BATON_SERVER_PORT", "9090"));

        assertThat(c).isEqualTo(new ServerConfig("0.0.0.0", 9090, false, true, 3, 2048, Duration.ofSeconds(5),
                "jdbc:postgresql://db/baton", Duration.ofSeconds(5), List.of("baton.example.org"), true));
        c.checkExposure();
    }

    @Test
    void mistakesNameTheKey() throws Exception {
        Path unknown = Files.writeString(dir.resolve("a.yaml"), "limits: {maxRunning: 3}\n");
        Path badMode = Files.writeString(dir.resolve("b.yaml"), "auth: {mode: password}\n");
        Path badPort = Files.writeString(dir.resolve("c.yaml"), "port: high\n");

        assertThatThrownBy(() -> ServerConfig.load(unknown, Map.of())).hasMessageContaining("limits.maxRunning")
                .hasMessageContaining("limits.maxRunningWorkflows");
        assertThatThrownBy(() -> ServerConfig.load(badMode, Map.of())).hasMessageContaining("auth.mode");
        assertThatThrownBy(() -> ServerConfig.load(badPort, Map.of())).hasMessageContaining("port");
        Path badTick = Files.writeString(dir.resolve("d.yaml"), "cron: {tickSeconds: 0}\n");
        assertThatThrownBy(() -> ServerConfig.load(badTick, Map.of())).hasMessageContaining("cron.tickSeconds");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("BATON_SERVER_MAX_RUNNING", "0")))
                .hasMessageContaining("maxRunningWorkflows");
    }

    @Test
    void unsandboxedStepsAreRefusedByDefaultAndTheKeyTakesOnlyABoolean() throws Exception {
        Path word = Files.writeString(dir.resolve("steps.yaml"), "steps: {insecure: yes please}\n");

        assertThat(ServerConfig.load(null, Map.of()).insecureSteps()).isFalse();
        assertThatThrownBy(() -> ServerConfig.load(word, Map.of()))
                .hasMessage(word + ": steps.insecure must be true or false, not 'yes please'");
    }

    @Test
    void cronSchedulingIsOnByDefaultAndCanBeTurnedOff() throws Exception {
        Path off = Files.writeString(dir.resolve("off.yaml"), "cron: {enabled: false}\n");

        assertThat(ServerConfig.load(null, Map.of()).cronEnabled()).isTrue();
        assertThat(ServerConfig.load(null, Map.of()).cronTick()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServerConfig.load(off, Map.of()).cronEnabled()).isFalse();
    }

    @Test
    void noAuthBeyondLoopbackIsRefused() {
        assertThatThrownBy(() -> ServerConfig.defaults().withAddress("0.0.0.0").withAuth(false, false)
                .checkExposure()).hasMessageContaining("refusing");
        ServerConfig.defaults().withAddress("::1").withAuth(false, false).checkExposure();
    }
}
