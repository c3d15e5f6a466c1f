package dev.baton.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory a test shares with the steps it runs. Steps run as another user when the tests run as root, and get
 * private copies of {@code /tmp}, {@code /var/tmp} and {@code /dev/shm}, so the directory must lie elsewhere and be
 * reachable by that user: under {@code /var/cache/baton-tests} as root (the checkout may sit in a directory only
 * root can enter), under the module's {@code target/} otherwise (steps then run as the same user).
 */
public final class StepReachableDirectory {
    private static final Path ROOT_BASE = Path.of("/var/cache/baton-tests");

    private StepReachableDirectory() {
    }

    /** A new empty directory, writable by everyone, named {@code prefix} and a random suffix. */
    public static Path create(String prefix) throws IOException {
        Path base = runningAsRoot() ? ROOT_BASE : Path.of("target").toAbsolutePath();
        Files.createDirectories(base);
        if (runningAsRoot()) {
            Files.setAttribute(base, "unix:mode", 0755);
        }
        Path directory = Files.createTempDirectory(base, prefix);
        Files.setAttribute(directory, "unix:mode", 0777);
        return directory;
    }

    private static boolean runningAsRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }
}
