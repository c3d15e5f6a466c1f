package dev.baton.spi.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates Baton's own directories (mode 0700) and files (0600) with that mode from the first instant: the mode
 * is given to the system call that creates them, so no other user can open them in between. On file systems
 * without POSIX modes, they are created plainly.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and each missing parent with mode 0700; existing ones are left as they are. */
    public static Path directories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.addFirst(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, attributes(DIRECTORY));
                exactMode(p, DIRECTORY);
            } catch (FileAlreadyExistsException raced) {
                // another process made it at the same moment: it is theirs to have chosen the mode
            }
        }
        if (!Files.isDirectory(absolute)) {
            throw new IOException(absolute + " exists and is not a directory");
        }
        return dir;
    }

    /**
     * Creates an empty {@code file} with mode 0600 if it is absent (its parents with {@link #directories}). A file
     * that exists and is open to other users is narrowed to 0600: it is Baton's own.
     *
     * @return true when an existing file had to be narrowed
     */
    public static boolean file(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            directories(parent);
        }
        try {
            Files.createFile(file, attributes(FILE));
            exactMode(file, FILE);
            return false;
        } catch (FileAlreadyExistsException exists) {
            if (openToOthers(file).isPresent()) {
                exactMode(file, FILE);
                return true;
            }
            return false;
        }
    }

    /** The mode of {@code path} (e.g. {@code rwxr-xr-x}) when group or other users have any access to it. */
    public static Optional<String> openToOthers(Path path) throws IOException {
        if (!posix()) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        boolean open = mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        return open ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    /** A umask can only take bits away from the created mode; this restores the exact, still private, mode. */
    private static void exactMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
