package dev.baton.driver.process;

import dev.baton.spi.driver.StepLaunch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a launch's image, command, args and script into the argument vector run on the host.
 *
 * <p>Argo appends the staged script's path as the last argument ({@code command: [python]} runs
 * {@code python /argo/staging/script}). Because most images have {@code python} and many hosts only
 * {@code python3}, {@code python} falls back to {@code python3}. Argo examples rely on bash features
 * ({@code $RANDOM}, {@code [[ ]]}) that Debian's {@code sh} (dash) lacks, so {@code sh} and
 * {@code /bin/sh} run bash when bash is installed.
 */
final class StepCommandResolver {
    static final String SCRIPT = "script";
    static final String ARGOSAY = "argosay";
    static final String COWSAY = "cowsay";

    private final ExecutableSearch programs;

    StepCommandResolver(ExecutableSearch programs) {
        this.programs = programs;
    }

    /** @param stagingViewDir where staged files appear inside the step's view */
    StepCommand resolve(StepLaunch launch, String stagingViewDir) {
        Map<String, String> staged = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(launch.command());
        List<String> args = new ArrayList<>(launch.args());
        switch (ImageEmulation.of(launch.image())) {
            case ARGOSAY -> {
                String argosay = emulated(ARGOSAY, "argosay.sh", stagingViewDir, staged);
                if (command.isEmpty() || command.equals(List.of("/argosay"))) {
                    command = List.of(argosay);
                }
            }
            case COWSAY_IMAGE -> {
                if (command.isEmpty()) {
                    // The image's CMD is cowsay; args given without a command replace it, as in Kubernetes.
                    command = new ArrayList<>(List.of(args.isEmpty() ? COWSAY : args.removeFirst()));
                }
                String cowsay = emulated(COWSAY, "cowsay.sh", stagingViewDir, staged);
                if (command.getFirst().equals(COWSAY)) {
                    command.set(0, cowsay);
                }
            }
            case NONE -> { }
        }
        if (command.isEmpty()) {
            return new StepCommand.Unrunnable("image " + launch.image()
                    + " has no command; the host driver needs one (set command: in the template)");
        }
        String program = hostProgram(command.getFirst());
        if (!program.contains("/") && !programs.has(program)) {
            return new StepCommand.Unrunnable("program '" + program + "' was not found on PATH");
        }
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(command.subList(1, command.size()));
        argv.addAll(args);
        if (launch.hasScript()) {
            if (launch.scriptFile() == null) {
                staged.put(SCRIPT, launch.script());
            }
            argv.add(stagingViewDir + "/" + SCRIPT);
        }
        // Emulated tools are also on PATH, so a shell command such as `sh -c "cowsay hi"` finds them.
        String pathPrefix = staged.containsKey(ARGOSAY) || staged.containsKey(COWSAY) ? stagingViewDir : null;
        return new StepCommand.Ready(argv, staged, pathPrefix);
    }

    private String emulated(String tool, String resource, String stagingViewDir, Map<String, String> staged) {
        if (programs.has(tool)) {
            return tool;
        }
        staged.put(tool, resource(resource));
        return stagingViewDir + "/" + tool;
    }

    private String hostProgram(String program) {
        return switch (program) {
            case "python" -> !programs.has("python") && programs.has("python3") ? "python3" : program;
            case "sh" -> programs.has("bash") ? "bash" : program;
            case "/bin/sh" -> programs.find("bash").map(Object::toString).orElse(program);
            default -> program;
        };
    }

    private static String resource(String name) {
        try (InputStream in = StepCommandResolver.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the driver's jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
