package dev.baton.cli.remote;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/baton} as its own process, as a user would, with a chosen home and environment. */
final class CliProcess {
    private CliProcess() {
    }

    /** What the command printed and how it exited. */
    record Outcome(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    static Path launcher() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("bin/baton");
            if (Files.isExecutable(candidate) && Files.exists(p.resolve("baton-cli/target/baton-cli.jar"))) {
                return candidate;
            }
        }
        String reason = "bin/baton with a packaged baton-cli.jar not found (run ./mvnw package first)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(reason);
        }
        Assumptions.abort(reason);
        return null;
    }

    /** Runs {@code baton ARGS} with {@code BATON_HOME=home}, no server settings but those in {@code env}. */
    static Outcome run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("BATON_SERVER");
        builder.environment().remove("BATON_TOKEN");
        builder.environment().remove("TERM");
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("baton " + String.join(" ", args) + " did not finish within 120 s\nstderr:\n"
                        + Files.readString(err));
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
