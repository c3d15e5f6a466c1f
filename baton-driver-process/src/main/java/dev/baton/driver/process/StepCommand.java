package dev.baton.driver.process;

import java.util.List;
import java.util.Map;

/** What the host will execute for one attempt, or why it cannot execute anything. */
sealed interface StepCommand {

    /**
     * @param argv        the program and its arguments as seen inside the step's view
     * @param stagedFiles executable files to write into the staging directory first, by file name
     * @param pathPrefix  a directory to put first on {@code PATH} (where emulated tools are staged), or null
     */
    record Ready(List<String> argv, Map<String, String> stagedFiles, String pathPrefix) implements StepCommand {
        public Ready {
            argv = List.copyOf(argv);
            stagedFiles = Map.copyOf(stagedFiles);
        }
    }

    record Unrunnable(String message) implements StepCommand {
    }
}
