package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prepares an attempt's view of the file system and starts its command inside that view. */
interface SandboxLauncher extends AutoCloseable {

    Isolation isolation();

    /** What the steps it starts are kept from, and the user they run as. */
    Confinement confinement();

    /** Where staged files appear inside a view this launcher prepares in {@code workArea}. */
    String stagingViewDir(Path workArea);

    /**
     * @param declared    every declared input and output path, as written in the launch
     * @param workingDir  the launch's working directory, or null
     * @param stagesFiles whether files will be staged into the view's staging directory
     */
    StepView prepare(Path workArea, Collection<String> declared, String workingDir, boolean stagesFiles)
            throws StepSetupException, IOException;

    /**
     * The view that {@link #prepare} built earlier in {@code workArea} (by an engine that stopped since), to
     * collect what the attempt left; creates nothing that a finished attempt's collection does not need.
     */
    default StepView reopen(Path workArea, Collection<String> declared, String workingDir, boolean stagesFiles)
            throws StepSetupException, IOException {
        return prepare(workArea, declared, workingDir, stagesFiles);
    }

    /** Starts {@code argv} inside {@code view} with exactly {@code env}, stdin empty, stdout and stderr to files. */
    default StepProcess start(StepView view, List<String> argv, Map<String, String> env, Path stdout, Path stderr)
            throws StepSetupException, IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine(view, argv))
                .directory(view.launchDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return StepProcess.of(builder.start());
    }

    /** The host command line that runs {@code argv} inside {@code view}, started in its launch directory. */
    List<String> commandLine(StepView view, List<String> argv) throws StepSetupException, IOException;

    /**
     * Whether the steps it starts record {@code init.pid} and {@code exit-status} in their work areas
     * ({@link AttemptFiles}), so that a later engine can pick them up.
     */
    default boolean recordsExitStatus() {
        return false;
    }

    /** Whether the step's processes form their own process group, which a kill may target as a whole. */
    boolean ownProcessGroup();

    /** Why the sandbox itself could not be built, judged from the exit status, if that is what happened. */
    Optional<String> setupFailure(StepView view, int exitCode) throws IOException;

    /** Releases what the launcher keeps for all steps; running steps are the driver's to kill first. */
    @Override
    default void close() {
    }
}
