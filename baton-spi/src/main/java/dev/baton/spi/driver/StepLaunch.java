package dev.baton.spi.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a driver needs to run one attempt of a leaf node, with every {@code {{…}}} already
 * substituted.
 *
 * @param attempt     which attempt this is
 * @param nodeName    the node's full name, for messages and logs
 * @param image       the container image (drivers that run on the host may ignore or emulate it)
 * @param command     the command; empty means the image's entry point
 * @param args        the arguments
 * @param env         environment variables, in order
 * @param workingDir  the working directory inside the step's view, or null for {@code /}
 * @param script      the script source to stage as an executable file appended to the arguments, or null
 * @param inputs      files and directories to place at declared paths before the step starts
 * @param outputs     declared paths to collect after the step exits
 * @param deadline    how long the attempt may run before it is killed, or null
 * @param workArea    a directory private to this attempt where the driver keeps what it needs
 * @param scriptFile  the script source as a file on the host, used instead of {@code script} when the source is
 *                    too large to hold in memory (it holds a large parameter value); null otherwise
 * @param parameterFiles the step's input parameter values as files on the host, by parameter name; the driver
 *                    makes them readable inside the step under the directory named by {@code BATON_INPUT_PARAMETERS}
 */
public record StepLaunch(
        AttemptId attempt,
        String nodeName,
        String image,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        String workingDir,
        String script,
        List<InputFile> inputs,
        List<OutputPath> outputs,
        Duration deadline,
        Path workArea,
        Path scriptFile,
        Map<String, Path> parameterFiles) {

    /** The environment variable naming the directory that holds one file per input parameter inside a step. */
    public static final String PARAMETER_DIRECTORY_VARIABLE = "BATON_INPUT_PARAMETERS";

    public StepLaunch {
        Objects.requireNonNull(attempt, "attempt");
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(workArea, "workArea");
        parameterFiles = parameterFiles == null ? Map.of() : Map.copyOf(parameterFiles);
    }

    /** A launch whose script, if any, is given as text, and without parameter files. */
    public StepLaunch(AttemptId attempt, String nodeName, String image, List<String> command, List<String> args,
                      Map<String, String> env, String workingDir, String script, List<InputFile> inputs,
                      List<OutputPath> outputs, Duration deadline, Path workArea) {
        this(attempt, nodeName, image, command, args, env, workingDir, script, inputs, outputs, deadline, workArea,
                null, Map.of());
    }

    /** Whether there is a script to stage, as text or as a file. */
    public boolean hasScript() {
        return scriptFile != null || (script != null && !script.isEmpty());
    }

    /**
     * A file or directory to materialise at {@code path} inside the step's view.
     *
     * @param source a file or directory on the host, which the driver must not modify
     * @param mode   permission bits to apply, or null to keep the source's
     */
    public record InputFile(Path source, String path, Integer mode) {
    }

    /**
     * A declared path the step may write, collected after it exits.
     *
     * @param key  the caller's name for it (e.g. {@code parameter:hello-param})
     * @param path the path inside the step's view; relative paths resolve against the working directory
     */
    public record OutputPath(String key, String path) {
    }
}
