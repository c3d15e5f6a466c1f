package dev.baton.server;

import dev.baton.spi.file.FileFailure;
import dev.baton.spi.store.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where Baton keeps its data: {@code $BATON_HOME}, by default {@code ~/.baton}. Baton creates it, and its
 * {@code secrets} directory, readable by its own user only (0700).
 */
public final class BatonHome {
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private BatonHome() {
    }

    /** Where the home directory is, without creating it (for commands that only read its config.yaml). */
    public static Path location() {
        String env = System.getenv("BATON_HOME");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".baton");
    }

    /** The home directory, created private if absent; warns once on standard error if it is open to others. */
    public static Path resolve() {
        Path home = location();
        try {
            List<String> warnings = prepare(home);
            if (!warnings.isEmpty() && !WARNED.getAndSet(true)) {
                warnings.forEach(w -> System.err.println("baton: " + w));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Baton home directory " + home + " (BATON_HOME): "
                    + reason(e), e);
        }
        return home;
    }

    private static String reason(IOException e) {
        return FileFailure.reason(e).orElseGet(() -> e instanceof FileSystemException ? "the file system refused it"
                : e.getMessage());
    }

    /**
     * Creates {@code home} and {@code home/secrets} with mode 0700 where absent. Existing directories open to
     * other users are left as the operator made them (one may be shared on purpose), with a warning each.
     *
     * @return the warnings to show
     */
    public static List<String> prepare(Path home) throws IOException {
        List<String> warnings = new ArrayList<>();
        for (Path dir : List.of(home, home.resolve("secrets"))) {
            boolean existed = Files.isDirectory(dir);
            PrivateFiles.directories(dir);
            Optional<String> open = existed ? PrivateFiles.openToOthers(dir) : Optional.empty();
            open.ifPresent(mode -> warnings.add("warning: " + dir + " has mode " + mode + ", so other users can"
                    + " reach what is in it; make it private with: chmod 700 " + dir));
        }
        return warnings;
    }
}
