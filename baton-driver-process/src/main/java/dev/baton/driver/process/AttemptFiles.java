package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files in an attempt's work area that let a later engine find out what became of it: {@code declared}
 * (the declared paths, to rebuild the view), {@code init.pid} and {@code exit-status} (written by the step's
 * init, see {@code forkserver.py}), and {@code launched} (written by the driver before it hands the attempt
 * to a launcher whose processes record neither).
 *
 * <p>{@code init.pid} is created exclusively, by the init before it runs the step or by a later engine that
 * found no trace of a start: whichever comes first decides, so an attempt is never both started late by an
 * orphaned init and started again by the engine.
 */
final class AttemptFiles {
    static final String DECLARED = "declared";
    static final String LAUNCHED = "launched";
    static final String INIT = "init.pid";
    static final String EXIT_STATUS = "exit-status";
    /** The content of {@code init.pid} when an engine claimed the attempt as never started. */
    static final String UNSTARTED = "unstarted";

    private final Path workArea;

    AttemptFiles(Path workArea) {
        this.workArea = workArea.toAbsolutePath();
    }

    /** Records the paths the attempt declares, from which a later engine rebuilds the same view to collect it. */
    void recordDeclared(List<String> declared) throws IOException {
        Files.write(workArea.resolve(DECLARED), declared, StandardCharsets.UTF_8);
    }

    /** The declared paths recorded before the attempt started. */
    List<String> declared() throws IOException {
        return Files.readAllLines(workArea.resolve(DECLARED), StandardCharsets.UTF_8);
    }

    /** Records that an attempt whose processes leave no trace is about to start: it is never started again. */
    void markLaunched() throws IOException {
        Files.writeString(workArea.resolve(LAUNCHED), Instant.now() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * What the work area says about the attempt now. {@link AttemptTrace.NeverStarted} is returned only after
     * claiming {@code init.pid}, so no init the dead engine asked for can start the step afterwards.
     */
    AttemptTrace trace() {
        Optional<Integer> status = exitStatus();
        if (status.isPresent()) {
            return new AttemptTrace.Ended(status.get());
        }
        Optional<String> recorded = read(INIT);
        if (recorded.isPresent() && recorded.get().strip().equals(UNSTARTED)) {
            return new AttemptTrace.NeverStarted();
        }
        Optional<RecordedInit> init = recorded.flatMap(RecordedInit::parse);
        if (init.isPresent() && init.get().alive()) {
            return new AttemptTrace.Running(init.get());
        }
        // The init may have ended between the two reads: its status is then written.
        status = exitStatus();
        if (status.isPresent()) {
            return new AttemptTrace.Ended(status.get());
        }
        if (recorded.isEmpty() && !Files.exists(workArea.resolve(LAUNCHED))) {
            return claimUnstarted() ? new AttemptTrace.NeverStarted() : trace();
        }
        return new AttemptTrace.Lost();
    }

    /** Creates {@code init.pid} saying the attempt never started; false when an init created it first. */
    private boolean claimUnstarted() {
        if (!Files.isDirectory(workArea)) {
            return true;
        }
        try {
            Files.writeString(workArea.resolve(INIT), UNSTARTED + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return true; // the work area went away: nothing can start in it any more
        }
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
