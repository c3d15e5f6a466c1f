package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Prepares an attempt's view of the file system and wraps its command so it runs inside that view. */
interface SandboxLauncher {

    Isolation isolation();

    /**
     * @param declared   every declared input and output path, as written in the launch
     * @param workingDir the launch's working directory, or null
     */
    StepView prepare(Path workArea, Collection<String> declared, String workingDir)
            throws StepSetupException, IOException;

    /** The host command line that runs {@code argv} inside {@code view}, started in its launch directory. */
    List<String> commandLine(StepView view, List<String> argv) throws StepSetupException, IOException;

    /** Whether the step's processes form their own process group, which a kill may target as a whole. */
    boolean ownProcessGroup();

    /** Why the sandbox itself could not be built, judged from the exit status, if that is what happened. */
    Optional<String> setupFailure(StepView view, int exitCode) throws IOException;
}
