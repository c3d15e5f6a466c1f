package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a sandboxed step is kept from: the host directories covered by an empty read-only file system in its
 * view ({@code $BATON_HOME}), the host's world-writable directories (each covered by a private writable one, so
 * that steps share no files through them), and privilege. When Baton is root the step runs as {@link #user()}
 * with no supplementary groups, no capabilities and {@code no_new_privs}; otherwise as Baton's own user,
 * likewise stripped of capabilities in its namespace. Files the step must write are handed over to its user first.
 *
 * @param hidden       absolute host directories, symbolic links resolved
 * @param shared       the host's sticky world-writable directories other than {@code /tmp} (which every view
 *                     replaces anyway), none under a hidden one
 * @param user         the ids the step runs as
 * @param switchesUser whether the step's user differs from Baton's (Baton runs as root)
 */
record Confinement(List<Path> hidden, List<String> shared, StepUser user, boolean switchesUser) {
    /** Where a host keeps directories every user may write: {@code /var/tmp}, {@code /dev/shm}, {@code /run/lock}. */
    private static final List<Path> SHARED_PARENTS = List.of(Path.of("/"), Path.of("/var"), Path.of("/run"),
            Path.of("/dev"));

    Confinement {
        hidden = List.copyOf(hidden);
        shared = List.copyOf(shared);
    }

    /** The confinement for a driver with {@code settings}, run by the user {@code self}. */
    static Confinement of(HostDriverSettings settings, BatonUser self) {
        List<Path> hidden = new ArrayList<>();
        for (Path path : settings.hiddenPaths()) {
            Path absolute = path.toAbsolutePath().normalize();
            hidden.add(absolute);
            try {
                Path real = absolute.toRealPath();
                if (!real.equals(absolute)) {
                    hidden.add(real);
                }
            } catch (IOException e) {
                // Not there (yet): the absolute path is covered if it appears.
            }
        }
        List<String> shared = sharedDirectories().stream()
                .filter(dir -> hidden.stream().noneMatch(dir::startsWith)).map(Path::toString).toList();
        return self.root() ? new Confinement(hidden, shared, settings.stepUser(), true)
                : new Confinement(hidden, shared, new StepUser(self.uid(), self.gid()), false);
    }

    /** The host's sticky world-writable directories directly under {@link #SHARED_PARENTS}, except {@code /tmp}. */
    private static List<Path> sharedDirectories() {
        List<Path> shared = new ArrayList<>();
        for (Path parent : SHARED_PARENTS) {
            try (Stream<Path> entries = Files.list(parent)) {
                for (Path dir : entries.sorted().toList()) {
                    if (!dir.equals(Path.of("/tmp")) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                            && ((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS)
                            & 01002) == 01002) {
                        shared.add(dir.toRealPath()); // /var/tmp is elsewhere when /var is a link
                    }
                }
            } catch (IOException e) {
                // A host without /run, say: it has no shared directory there.
            }
        }
        return shared.stream().distinct().toList();
    }

    /** Nothing hidden or replaced and no user switch: for tests and unisolated steps. */
    static Confinement none(BatonUser self) {
        return new Confinement(List.of(), List.of(), self.root() ? new StepUser(65534, 65534)
                : new StepUser(self.uid(), self.gid()), false);
    }

    /** The hidden directories that exist on the host and that a view showing the host's {@code top}s would show. */
    List<String> shownIn(Predicate<String> hostTopShown) {
        List<String> shown = new ArrayList<>();
        for (Path path : hidden) {
            String view = path.toString();
            if (!ViewPaths.top(view).isEmpty() && hostTopShown.test(ViewPaths.top(view))
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                shown.add(view);
            }
        }
        return shown;
    }

    /**
     * The util-linux {@code setpriv} command that runs a program as the step's user with no privilege: a user
     * switch when Baton is root; otherwise only the capabilities and {@code no_new_privs}.
     */
    List<String> setpriv(Path setpriv) {
        List<String> command = new ArrayList<>(List.of(setpriv.toString()));
        if (switchesUser) {
            command.addAll(List.of("--reuid=" + user.uid(), "--regid=" + user.gid(), "--clear-groups"));
        }
        command.addAll(List.of("--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"));
        return command;
    }

    /** Makes a directory Baton created for the step the step's own, so it may write there. */
    void handOver(Path directory) throws IOException {
        if (switchesUser) {
            Files.setAttribute(directory, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(directory, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Whether the step's user can read {@code source} (a file, or every file of a tree) as it is. */
    boolean canRead(Path source) throws IOException {
        if (!switchesUser) {
            return true;
        }
        if (!Files.isDirectory(source)) {
            return readableByOthers(source, 0004);
        }
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path path : tree.toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                if (!readableByOthers(path, Files.isDirectory(path) ? 0005 : 0004)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Gives a copy Baton made for the step to the step's user, so that it can read it. */
    void giveCopy(Path copy) throws IOException {
        if (!switchesUser) {
            return;
        }
        try (Stream<Path> tree = Files.walk(copy)) {
            for (Path path : tree.toList()) {
                handOver(path);
            }
        }
    }

    /**
     * Whether what the step left at {@code collected} may be read by Baton as the step's output. Baton reads it
     * as its own user, so a symbolic link the step made must not lead it to what the step itself could not
     * read: a hidden directory (other than this attempt's own work area), or, when the step ran as another
     * user, a file that user may not read.
     */
    boolean mayCollect(Path collected, Path workArea) throws IOException {
        Path real;
        try {
            real = collected.toRealPath();
        } catch (IOException e) {
            return false;
        }
        if (real.startsWith(workArea.toRealPath())) {
            return true;
        }
        for (Path path : hidden) {
            if (real.startsWith(path)) {
                return false;
            }
        }
        return reachable(real.getParent()) && canRead(real);
    }

    /** A {@code PATH} value without the directories the step's user cannot reach (a shell would fail on them). */
    String reachableSearchPath(String path) {
        if (path == null || !switchesUser) {
            return path;
        }
        List<String> reachable = new ArrayList<>();
        for (String dir : path.split(":")) {
            try {
                if (!dir.isEmpty() && reachable(Path.of(dir))) {
                    reachable.add(dir);
                }
            } catch (IOException | RuntimeException e) {
                // A directory that is not there holds no program.
            }
        }
        return String.join(":", reachable);
    }

    /** Whether the step's user may pass through {@code directory} and every directory above it. */
    boolean reachable(Path directory) throws IOException {
        if (!switchesUser) {
            return true;
        }
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (!readableByOthers(dir, 0001)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readableByOthers(Path path, int bits) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode") & bits) == bits;
    }
}
