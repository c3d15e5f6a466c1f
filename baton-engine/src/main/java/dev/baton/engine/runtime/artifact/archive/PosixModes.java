package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Octal permission modes (as in Argo's {@code mode: 0755}) to and from Java's POSIX permission sets. */
final class PosixModes {
    static final int DEFAULT_FILE = 0644;
    static final int DEFAULT_DIRECTORY = 0755;
    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private PosixModes() {
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(BY_BIT[bit]);
            }
        }
        return permissions;
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if (permissions.contains(BY_BIT[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }

    /** The permission bits of a file, not following links; {@code fallback} where the file system has none. */
    static int modeOf(Path path, int fallback) throws IOException {
        PosixFileAttributeView posix =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return posix == null ? fallback : mode(posix.readAttributes().permissions());
    }

    /** Sets the permission bits (setuid, setgid and sticky are never set); a no-op without POSIX permissions. */
    static void apply(Path path, int mode) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(permissions(mode & 0777));
        }
    }
}
