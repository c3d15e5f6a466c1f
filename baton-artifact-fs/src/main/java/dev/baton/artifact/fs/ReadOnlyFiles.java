package dev.baton.artifact.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Makes blob files read-only for everyone (0444), so a hard link handed to a step cannot change the blob. */
final class ReadOnlyFiles {
    static final Set<PosixFilePermission> READ_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private ReadOnlyFiles() {
    }

    static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(READ_ONLY);
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("cannot make " + file + " read-only");
        }
    }
}
