package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The init process of a step as it recorded itself in {@code init.pid}: host PID and start time in clock
 * ticks after boot (field 22 of {@code /proc/PID/stat}), so a recycled PID is never taken for the step.
 */
record RecordedInit(long pid, long startTicks) {

    /** Parses {@code PID START}; empty for anything else (a file being written is never read: it is renamed whole). */
    static Optional<RecordedInit> parse(String text) {
        String[] words = text.strip().split(" ");
        if (words.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordedInit(Long.parseLong(words[0]), Long.parseLong(words[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this very process still runs (same PID and same start time). */
    boolean alive() {
        return startTicksOf(pid).filter(ticks -> ticks == startTicks).isPresent();
    }

    /** The live process, while it is this one. */
    Optional<ProcessHandle> handle() {
        return alive() ? ProcessHandle.of(pid) : Optional.empty();
    }

    static Optional<Long> startTicksOf(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        // The command name (field 2) may hold spaces and parentheses; fields after it are plain numbers.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (fields.length < 20 || fields[0].equals("Z")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(fields[19]));
    }
}
