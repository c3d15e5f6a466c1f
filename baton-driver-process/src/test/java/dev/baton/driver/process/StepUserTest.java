package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepUserTest {
    @TempDir
    Path dir;

    @Test
    void numericIdsWithAndWithoutAGroup() {
        assertThat(StepUser.parse("1234", dir.resolve("absent"))).isEqualTo(new StepUser(1234, 1234));
        assertThat(StepUser.parse("1234:99", dir.resolve("absent"))).isEqualTo(new StepUser(1234, 99));
    }

    @Test
    void namesAreLookedUpInThePasswdFileAndNobodyHasAFallback() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nbuild:x:1500:1600::/:/bin/sh\n");
        assertThat(StepUser.parse("build", passwd)).isEqualTo(new StepUser(1500, 1600));
        assertThat(StepUser.parse("nobody", passwd)).isEqualTo(new StepUser(65534, 65534));
        assertThatThrownBy(() -> StepUser.parse("ghost", passwd))
                .hasMessage("step-user=ghost is neither UID[:GID] nor a user in " + passwd);
    }

    @Test
    void rootIsRefusedInEveryForm() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        for (String root : new String[] {"root", "0", "0:0", "1000:0"}) {
            assertThatThrownBy(() -> StepUser.parse(root, passwd)).as(root)
                    .hasMessageStartingWith("step-user must not be root (uid 0 or gid 0)");
        }
    }

    @Test
    void defaultsAreNobodyNothingHiddenAndNoInsecureSteps() {
        HostDriverSettings settings = HostDriverSettings.from(Map.of());
        assertThat(settings.hiddenPaths()).isEmpty();
        assertThat(settings.insecureSteps()).isFalse();
        assertThat(settings.stepUser().uid()).isNotZero();
    }

    @Test
    void hiddenPathsAreAColonSeparatedListOfAbsolutePaths() {
        assertThat(HostDriverSettings.from(Map.of("hidden-paths", "/var/lib/baton:/srv/x")).hiddenPaths())
                .containsExactly(Path.of("/var/lib/baton"), Path.of("/srv/x"));
        assertThatThrownBy(() -> HostDriverSettings.from(Map.of("hidden-paths", "relative/home")))
                .hasMessage("hidden-paths=relative/home: relative/home is not absolute");
    }
}
