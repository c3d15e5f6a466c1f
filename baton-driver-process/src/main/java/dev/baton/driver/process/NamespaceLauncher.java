package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs a step in its own mount and PID namespace with util-linux only: {@code unshare} creates the
 * namespaces, a {@code /bin/sh} does every mount of the private root with one {@code mount -a}, then
 * runs the step chrooted ({@code unshare --root --wd}). That shell stays the namespace's init: the
 * kernel shields an init from SIGTERM, so the step itself, as its child, still receives it; when the
 * init ends, the kernel kills whatever the step left behind.
 */
final class NamespaceLauncher implements SandboxLauncher {
    static final int SETUP_FAILED = 125;
    private static final String MOUNTS = "mounts.fstab";
    private static final String SETUP_ERRORS = "sandbox-error.txt";
    private static final String ENTER = """
            mount=$1 unshare=$2 cwd=$3
            shift 3
            "$mount" -a -T %s 2>%s || exit %d
            "$unshare" --root=root --wd="$cwd" -- "$@"
            exit $?
            """.formatted(MOUNTS, SETUP_ERRORS, SETUP_FAILED);

    private final Path unshare;
    private final Path mount;
    private final boolean userNamespace;

    NamespaceLauncher(Path unshare, Path mount, boolean userNamespace) {
        this.unshare = unshare;
        this.mount = mount;
        this.userNamespace = userNamespace;
    }

    /** The namespace options, with a user namespace when not root. */
    List<String> unshareCommand() {
        List<String> command = new ArrayList<>(List.of(unshare.toString()));
        if (userNamespace) {
            command.addAll(List.of("--user", "--map-root-user"));
        }
        command.addAll(List.of("--mount", "--propagation", "private", "--pid", "--fork", "--kill-child"));
        return command;
    }

    @Override
    public Isolation isolation() {
        return Isolation.NAMESPACE;
    }

    @Override
    public StepView prepare(Path workArea, Collection<String> declared, String workingDir)
            throws StepSetupException, IOException {
        return SandboxView.prepare(workArea, HostRootEntry.list(), declared, workingDir);
    }

    @Override
    public List<String> commandLine(StepView view, List<String> argv) throws IOException {
        SandboxView sandbox = (SandboxView) view;
        Files.writeString(sandbox.launchDirectory().resolve(MOUNTS), MountTable.of(sandbox.mounts()),
                StandardCharsets.UTF_8);
        List<String> command = unshareCommand();
        command.addAll(List.of("/bin/sh", "-c", ENTER, "sh", mount.toString(), unshare.toString(), view.workingDir()));
        command.addAll(argv);
        return command;
    }

    @Override
    public boolean ownProcessGroup() {
        return false;
    }

    @Override
    public Optional<String> setupFailure(StepView view, int exitCode) throws IOException {
        Path errors = view.launchDirectory().resolve(SETUP_ERRORS);
        if (exitCode != SETUP_FAILED || !Files.exists(errors) || Files.size(errors) == 0) {
            return Optional.empty();
        }
        return Optional.of("could not build the step's private file system view: "
                + Files.readString(errors, StandardCharsets.UTF_8).strip());
    }
}
