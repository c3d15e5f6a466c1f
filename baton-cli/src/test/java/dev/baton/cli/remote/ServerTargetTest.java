package dev.baton.cli.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerTargetTest {
    @TempDir
    Path home;

    @Test
    void noServerAnywhereMeansLocal() {
        assertThat(ServerTarget.resolve(null, "t", Map.of("BATON_TOKEN", "x"), home)).isEmpty();
    }

    @Test
    void eachSettingComesFromTheFlagThenTheEnvironmentThenTheFile() throws IOException {
        Files.writeString(home.resolve("config.yaml"), "server: http://file:1\ntoken: file-token\n");
        ServerTarget fromFile = ServerTarget.resolve(null, null, Map.of(), home).orElseThrow();
        assertThat(fromFile.base()).isEqualTo("http://file:1");
        assertThat(fromFile.token()).isEqualTo("file-token");

        ServerTarget fromEnv = ServerTarget.resolve(null, null, Map.of("BATON_SERVER", "http://env:2/"), home)
                .orElseThrow();
        assertThat(fromEnv.base()).isEqualTo("http://env:2");
        assertThat(fromEnv.token()).isEqualTo("file-token");

        ServerTarget fromFlags = ServerTarget.resolve("https://flag:3", "flag-token",
                Map.of("BATON_SERVER", "http://env:2", "BATON_TOKEN", "env-token"), home).orElseThrow();
        assertThat(fromFlags.base()).isEqualTo("https://flag:3");
        assertThat(fromFlags.token()).isEqualTo("flag-token");
        assertThat(fromFlags.toString()).doesNotContain("flag-token");
    }

    @Test
    void badSettingsAreInvalidInputNamingWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> ServerTarget.resolve("ftp://x", null, Map.of(), home))
                .isInstanceOf(RemoteFailure.class).hasMessageContaining("http:// or https:// URL")
                .satisfies(e -> assertThat(((RemoteFailure) e).exitStatus()).isEqualTo(2));
        Files.writeString(home.resolve("config.yaml"), "server: [a, b]\n");
        assertThatThrownBy(() -> ServerTarget.resolve(null, null, Map.of(), home))
                .hasMessageEndingWith("config.yaml: server must be a text value");
        Files.writeString(home.resolve("config.yaml"), "server: http://x:1\nnamespace: team\n");
        assertThatThrownBy(() -> ServerTarget.resolve(null, null, Map.of(), home))
                .hasMessageContaining("config.yaml: unknown key 'namespace'; known: [server, token]");
    }
}
