package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;

/**
 * Baton run by an ordinary user (here: this root test drops to uid 4242 with util-linux {@code setpriv}):
 * its steps get a user namespace, must not reach the hidden home that user owns, and hold no capability.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdinaryUserConfinementTest {
    private static final int USER = 4242;
    private Path base;
    private List<String> command;

    @BeforeAll
    void copyTheClassPathWhereTheUserCanReadIt() throws IOException {
        Assumptions.assumeTrue(BatonUser.current().root(), "dropping to an ordinary user needs root");
        Assumptions.assumeTrue(ExecutableSearch.ofHost().has("setpriv"), "util-linux setpriv is not installed");
        base = Files.createDirectories(Path.of("/var/tmp", "baton-ordinary-" + ProcessHandle.current().pid()));
        Files.setAttribute(base, "unix:mode", 0755);
        Path classes = Files.createDirectories(base.resolve("cp"));
        List<String> classPath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = classes.resolve(n++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                FileTrees.copyTree(source, copy);
            } else {
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            classPath.add(copy.toString());
        }
        try (var paths = Files.walk(base)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:mode", Files.isDirectory(path) ? 0755 : 0644);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        command = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups", "--",
                java.toString(), "-cp", String.join(File.pathSeparator, classPath),
                OrdinaryUserAttack.class.getName()));
    }

    @AfterAll
    void removeCopies() throws IOException {
        if (base != null) {
            FileTrees.delete(base);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fork-server", "util-linux", "bwrap"})
    void attacksFailAndTheStepKeepsNoCapability(String launcher) throws Exception {
        Assumptions.assumeTrue(!launcher.equals("bwrap") || ExecutableSearch.ofHost().has("bwrap"),
                "bubblewrap is not installed");
        Path home = Files.createDirectories(base.resolve("home-" + launcher));
        Files.setAttribute(home, "unix:uid", USER);
        Files.setAttribute(home, "unix:mode", 0700);
        List<String> run = new ArrayList<>(command);
        run.addAll(List.of(home.toString(), launcher));
        ProcessBuilder builder = new ProcessBuilder(run).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeFalse(output.contains("was requested but"), "no sandbox for an ordinary user: " + output);
        assertThat(process.exitValue()).as(output).isZero();

        List<String> attempt = List.of(
                "failed: umount /tmp",
                "failed: umount /proc",
                "failed: mount -t tmpfs none /mnt",
                "failed: cat " + home + "/baton.db",
                "failed: echo x >> " + home + "/baton.db",
                "failed: ls -A " + home + "/work | grep .",
                "failed: echo pwned > /etc/baton-pwned",
                "failed: kill -0 ",
                "CapEff:\t0000000000000000",
                "CapBnd:\t0000000000000000",
                "NoNewPrivs:\t1");
        List<String> expected = new ArrayList<>(attempt);
        expected.addAll(attempt);
        expected.add("isolation=" + (launcher.equals("bwrap") ? "BUBBLEWRAP" : "NAMESPACE") + " forked="
                + launcher.equals("fork-server") + " outsider alive=true");
        List<String> lines = output.lines().filter(l -> !l.startsWith("baton:"))
                .map(l -> l.startsWith("failed: kill -0 ") ? "failed: kill -0 " : l).toList();
        assertThat(lines).as(output).containsExactlyElementsOf(expected);
        assertThat(Files.readString(home.resolve("baton.db"))).isEqualTo("tokens\n");
        assertThat(Collections.frequency(lines, "SUCCEEDED")).isZero();
    }
}
