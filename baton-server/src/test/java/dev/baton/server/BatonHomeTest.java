package dev.baton.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class BatonHomeTest {
    @TempDir
    Path dir;

    @Test
    void aNewHomeAndItsSecretsDirectoryAreCreatedPrivate() throws IOException {
        Path home = dir.resolve("a/b/.baton");

        assertThat(BatonHome.prepare(home)).isEmpty();

        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("secrets"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a"))).as("every directory Baton creates").isEqualTo("rwx------");
    }

    @Test
    void anExistingHomeOpenToOthersIsLeftAsItIsWithAWarning() throws IOException {
        Path home = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(BatonHome.prepare(home)).singleElement().asString()
                .contains(home.toString()).contains("rwxr-xr-x").contains("chmod 700");

        assertThat(mode(home)).isEqualTo("rwxr-xr-x");
        assertThat(mode(home.resolve("secrets"))).isEqualTo("rwx------");
    }

    @Test
    void aSecretsDirectoryOpenToOthersIsWarnedAbout() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path secrets = Files.createDirectory(home.resolve("secrets"));
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-x---"));

        assertThat(BatonHome.prepare(home)).singleElement().asString().contains(secrets.toString());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
