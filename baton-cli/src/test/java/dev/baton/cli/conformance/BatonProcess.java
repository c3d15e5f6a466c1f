package dev.baton.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/baton} as a separate process, as a user would, and reads its JSON output. */
final class BatonProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatonProcess() {
    }

    /** What a run printed and how it exited. */
    record Outcome(int exitCode, String stdout, String stderr) {
        RunResult result() {
            try {
                return new RunResult(JSON.readTree(stdout));
            } catch (IOException e) {
                throw new AssertionError("baton printed no JSON (exit " + exitCode + ")\nstderr:\n" + stderr
                        + "\nstdout:\n" + stdout, e);
            }
        }
    }

    static Path launcher() {
        Path root = Path.of("").toAbsolutePath();
        for (Path p = root; p != null; p = p.getParent()) {
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

    static Outcome run(Path home, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(home, java.util.Map.of(), timeoutSeconds, args);
    }

    static Outcome run(Path home, java.util.Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BATON_HOME", home.toString());
        builder.environment().remove("TERM");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("baton " + String.join(" ", args) + " did not finish within "
                    + timeoutSeconds + " s\nstderr:\n" + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
