package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the paths one attempt sees live on the host, before it runs and after it exits. */
interface StepView {

    /** The working directory as the step sees it. */
    String workingDir();

    /** The host directory the process starts in (the sandbox changes to {@link #workingDir()} itself). */
    Path launchDirectory();

    /** An absolute view path for a declared path; relative paths resolve against the working directory. */
    String resolve(String declared);

    /** Where to put a file on the host so that the step sees it at {@code viewPath}. */
    Path placementOf(String viewPath) throws StepSetupException;

    /** Where what the step left at {@code viewPath} is now on the host, if anything is there. */
    Optional<Path> collect(String viewPath) throws IOException;

    /**
     * Makes {@code viewPath} a directory the step's user may write in, where this view lets a step have
     * directories of its own; does nothing elsewhere.
     */
    default void prepareWritable(String viewPath, Confinement confinement) throws IOException, StepSetupException {
    }

    /** The host directory holding staged scripts and tools. */
    Path stagingDir();

    /** The same directory as the step sees it. */
    String stagingViewDir();

    /**
     * Where the step sees one file per input parameter ({@code BATON_INPUT_PARAMETERS}): under its private
     * {@code /tmp}, so that providing them changes nothing else about the view.
     */
    default String parameterViewDir() {
        return "/tmp/baton/inputs/parameters";
    }
}
