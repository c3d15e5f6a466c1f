package dev.baton.driver.process;

import java.util.List;

/**
 * Writes a private root's mounts as an fstab, so that one {@code mount -a} process does them all.
 * Paths are relative to the work area, where that {@code mount} runs.
 */
final class MountTable {
    /** How a hidden directory is covered: empty, read-only, nothing to run or open as a device. */
    static final String HIDING_OPTIONS = "ro,nosuid,nodev,noexec,mode=0555,size=4k";
    /** How a shared writable directory such as {@code /var/tmp} is replaced: empty, writable by all, the step's own. */
    static final String PRIVATE_SHARED_OPTIONS = "nosuid,nodev,mode=1777,size=64m";

    private MountTable() {
    }

    /**
     * @param hidden view paths to cover, after every other mount, with an empty read-only file system
     * @param shared view paths to cover last with an empty writable one (which also covers a hidden path inside)
     */
    static String of(List<SandboxMount> mounts, List<String> hidden, List<String> shared) {
        StringBuilder table = new StringBuilder();
        for (SandboxMount mount : mounts) {
            String target = escape("root/" + mount.target());
            String line = switch (mount.kind()) {
                case BIND_TREE, DEVICES -> escape(mount.source()) + " " + target + " none rbind 0 0";
                case BIND_FILE -> escape(mount.source()) + " " + target + " none bind 0 0";
                case PROC -> "proc " + target + " proc nosuid,nodev,noexec 0 0";
                case OVERLAY -> "overlay " + target + " overlay " + escape(overlayOptions(mount)) + " 0 0";
            };
            table.append(line).append('\n');
        }
        for (String path : hidden) {
            table.append("tmpfs ").append(escape("root" + path)).append(" tmpfs ").append(HIDING_OPTIONS)
                    .append(" 0 0\n");
        }
        for (String path : shared) {
            table.append("tmpfs ").append(escape("root" + path)).append(" tmpfs ").append(PRIVATE_SHARED_OPTIONS)
                    .append(" 0 0\n");
        }
        return table.toString();
    }

    /** An overlay's mount options; the upper and work directories are relative to the work area. */
    static String overlayOptions(SandboxMount mount) {
        return "lowerdir=" + overlayOption(mount.source()) + ",upperdir=" + mount.upper() + ",workdir=" + mount.work()
                + ",userxattr";
    }

    /** The overlay option parser splits on {@code ,} and {@code :} unless escaped with a backslash. */
    private static String overlayOption(String path) {
        return path.replace("\\", "\\\\").replace(",", "\\,").replace(":", "\\:");
    }

    /** fstab fields are separated by white space; octal escapes keep it inside a field. */
    private static String escape(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            switch (c) {
                case ' ' -> out.append("\\040");
                case '\t' -> out.append("\\011");
                case '\n' -> out.append("\\012");
                case '\\' -> out.append("\\134");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
