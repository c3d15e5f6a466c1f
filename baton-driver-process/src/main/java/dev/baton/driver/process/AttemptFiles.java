package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files in an attempt's work area that let a later engine find out what became of it:
 * {@code launched} (written by the driver before the attempt is handed to a launcher), {@code init.pid}
 * and {@code exit-status} (written by the step's init, see {@code forkserver.py}).
 */
final class AttemptFiles {
    static final String LAUNCHED = "launched";
    static final String INIT = "init.pid";
    static final String EXIT_STATUS = "exit-status";

    private final Path workArea;

    AttemptFiles(Path workArea) {
        this.workArea = workArea.toAbsolutePath();
    }

    /**
     * Records that the attempt is about to be started (from now on it is never started again) with the paths
     * it declares, from which a later engine rebuilds the same view to collect its outputs.
     */
    void markLaunched(List<String> declared) throws IOException {
        Files.write(workArea.resolve(LAUNCHED), declared, StandardCharsets.UTF_8);
    }

    /** The declared paths recorded when the attempt was launched. */
    List<String> declared() throws IOException {
        return Files.readAllLines(workArea.resolve(LAUNCHED), StandardCharsets.UTF_8);
    }

    /** What the work area says about the attempt now. */
    AttemptTrace trace() {
        Optional<Integer> status = exitStatus();
        if (status.isPresent()) {
            return new AttemptTrace.Ended(status.get());
        }
        Optional<RecordedInit> init = read(INIT).flatMap(RecordedInit::parse);
        if (init.isPresent() && init.get().alive()) {
            return new AttemptTrace.Running(init.get());
        }
        // The init may have ended between the two reads: its status is then written.
        status = exitStatus();
        if (status.isPresent()) {
            return new AttemptTrace.Ended(status.get());
        }
        if (init.isEmpty() && !Files.exists(workArea.resolve(LAUNCHED))) {
            return new AttemptTrace.NeverStarted();
        }
        return new AttemptTrace.Lost();
    }

    /** How the step ended, once its init recorded it: the exit code, or 128 + the signal that ended it. */
    Optional<Integer> exitStatus() {
        return read(EXIT_STATUS).flatMap(AttemptFiles::parseStatus);
    }

    /** When the step's init recorded itself, as the start of the attempt's deadline. */
    Optional<Instant> initRecordedAt() {
        try {
            return Optional.of(Files.getLastModifiedTime(workArea.resolve(INIT)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseStatus(String text) {
        String[] words = text.strip().split(" ");
        if (words.length != 2) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(words[1]);
            return switch (words[0]) {
                case "exited" -> Optional.of(value);
                case "signalled" -> Optional.of(128 + value);
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> read(String name) {
        try {
            return Optional.of(Files.readString(workArea.resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
