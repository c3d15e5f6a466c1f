package dev.baton.driver.process;

import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.StepLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds launches for tests, each attempt with its own id and work area. */
final class Launches {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path base;
    private String image = "alpine:3.20";
    private List<String> command = List.of();
    private List<String> args = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String workingDir;
    private String script;
    private final List<StepLaunch.InputFile> inputs = new ArrayList<>();
    private final List<StepLaunch.OutputPath> outputs = new ArrayList<>();
    private Duration deadline;
    private Path scriptFile;
    private final Map<String, Path> parameterFiles = new LinkedHashMap<>();

    private Launches(Path base) {
        this.base = base;
    }

    static Launches in(Path base) {
        return new Launches(base);
    }

    Launches image(String value) { image = value; return this; }

    Launches command(String... value) { command = List.of(value); return this; }

    Launches args(String... value) { args = List.of(value); return this; }

    Launches env(String name, String value) { env.put(name, value); return this; }

    Launches workingDir(String value) { workingDir = value; return this; }

    Launches script(String value) { script = value; return this; }

    Launches scriptFile(Path value) { scriptFile = value; return this; }

    Launches parameterFile(String name, Path file) { parameterFiles.put(name, file); return this; }

    Launches input(Path source, String path, Integer mode) {
        inputs.add(new StepLaunch.InputFile(source, path, mode));
        return this;
    }

    Launches output(String key, String path) {
        outputs.add(new StepLaunch.OutputPath(key, path));
        return this;
    }

    Launches deadline(Duration value) { deadline = value; return this; }

    Launches sh(String commandLine) {
        return command("sh", "-c").args(commandLine);
    }

    StepLaunch build() {
        int n = SEQUENCE.incrementAndGet();
        AttemptId id = new AttemptId("run" + n, "node-" + n, 0);
        return new StepLaunch(id, "node-" + n, image, command, args, env, workingDir, script,
                inputs, outputs, deadline, base.resolve(id.key()), scriptFile, parameterFiles);
    }
}
