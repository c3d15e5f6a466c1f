package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCommandResolverTest {
    @TempDir
    Path bin;

    private StepCommandResolver resolverWith(String... programs) throws IOException {
        for (String program : programs) {
            Path file = Files.writeString(bin.resolve(program), "#!/bin/true\n");
            Files.setAttribute(file, "unix:mode", 0755);
        }
        return new StepCommandResolver(new ExecutableSearch(bin.toString()));
    }

    private List<String> argv(StepCommandResolver resolver, Launches launch) {
        return ((StepCommand.Ready) resolver.resolve(launch.build(), "/argo/staging")).argv();
    }

    @Test
    void pythonFallsBackToPython3() throws IOException {
        assertThat(argv(resolverWith("python3"), Launches.in(bin).command("python").script("print(1)")))
                .containsExactly("python3", "/argo/staging/script");
    }

    @Test
    void pythonStaysWhenInstalled() throws IOException {
        assertThat(argv(resolverWith("python", "python3"), Launches.in(bin).command("python").args("-V")))
                .containsExactly("python", "-V");
    }

    @Test
    void shRunsBashWhenBashExists() throws IOException {
        StepCommandResolver resolver = resolverWith("bash", "sh");
        assertThat(argv(resolver, Launches.in(bin).command("sh", "-c").script("echo")))
                .containsExactly("bash", "-c", "/argo/staging/script");
        assertThat(argv(resolver, Launches.in(bin).command("/bin/sh", "-c").args("echo hi")))
                .containsExactly(bin.resolve("bash").toString(), "-c", "echo hi");
    }

    @Test
    void shStaysWithoutBash() throws IOException {
        assertThat(argv(resolverWith("sh"), Launches.in(bin).command("sh", "-c").args("echo")))
                .containsExactly("sh", "-c", "echo");
    }

    @Test
    void scriptPathComesAfterArgs() throws IOException {
        assertThat(argv(resolverWith("node"), Launches.in(bin).command("node").args("--a").script("x")))
                .containsExactly("node", "--a", "/argo/staging/script");
    }

    @Test
    void emptyScriptBehavesLikeAContainer() throws IOException {
        assertThat(argv(resolverWith("node"), Launches.in(bin).command("node").script("")))
                .containsExactly("node");
    }

    @Test
    void unknownProgramIsUnrunnable() throws IOException {
        assertThat(resolverWith().resolve(Launches.in(bin).command("nope").build(), "/s"))
                .isEqualTo(new StepCommand.Unrunnable("program 'nope' was not found on PATH"));
    }

    @Test
    void realArgosayOnPathIsPreferred() throws IOException {
        assertThat(argv(resolverWith("argosay"), Launches.in(bin).image("argoproj/argosay:v2").args("echo")))
                .containsExactly("argosay", "echo");
    }
}
