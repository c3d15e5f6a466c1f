package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a step in its own mount and PID namespace. A step that declares nothing outside {@code /tmp}
 * and stages nothing gets the host's file system with a private {@code /tmp} ({@link PrivateTmpView});
 * any other a private root ({@link SandboxView}).
 *
 * <p>With a {@link ForkServer} (python3 on the host) each step is forked from that server, which
 * reports the exit before the namespace is torn down. Without one, util-linux does it: {@code unshare}
 * creates the namespaces, a {@code /bin/sh} does every mount with one {@code mount -a}, then runs
 * the step chrooted ({@code unshare --root --wd}). Either way the namespace's init is not the step:
 * the kernel shields an init from SIGTERM, so the step, as its child, still receives it; when the
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
    private final Path setpriv;
    private final boolean userNamespace;
    private final Confinement confinement;
    private final ForkServer forkServer;

    /**
     * @param setpriv    util-linux setpriv, which drops the step's privilege when started through util-linux
     * @param forkServer the server that forks steps, or null to start each through util-linux
     */
    NamespaceLauncher(Path unshare, Path mount, Path setpriv, boolean userNamespace, Confinement confinement,
            ForkServer forkServer) {
        this.unshare = unshare;
        this.mount = mount;
        this.setpriv = setpriv;
        this.userNamespace = userNamespace;
        this.confinement = confinement;
        this.forkServer = forkServer;
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

    /** This launcher with steps forked by {@code server}. */
    NamespaceLauncher withForkServer(ForkServer server) {
        return new NamespaceLauncher(unshare, mount, setpriv, userNamespace, confinement, server);
    }

    @Override
    public Confinement confinement() {
        return confinement;
    }

    boolean usesForkServer() {
        return forkServer != null;
    }

    @Override
    public Isolation isolation() {
        return Isolation.NAMESPACE;
    }

    @Override
    public String stagingViewDir(Path workArea) {
        return SandboxView.STAGING_VIEW_DIR;
    }

    @Override
    public StepView prepare(Path workArea, Collection<String> declared, String workingDir, boolean stagesFiles)
            throws StepSetupException, IOException {
        if (forkServer != null) {
            Optional<PrivateTmpView> view = PrivateTmpView.prepare(workArea, declared, workingDir, stagesFiles);
            if (view.isPresent()) {
                return view.get();
            }
        }
        return SandboxView.prepare(workArea, HostRootEntry.list(), declared, workingDir);
    }

    @Override
    public StepView reopen(Path workArea, Collection<String> declared, String workingDir, boolean stagesFiles)
            throws StepSetupException, IOException {
        if (forkServer != null) {
            Optional<PrivateTmpView> view = PrivateTmpView.prepare(workArea, declared, workingDir, stagesFiles);
            if (view.isPresent()) {
                return view.get();
            }
        }
        return SandboxView.reopen(workArea, HostRootEntry.list(), declared, workingDir);
    }

    @Override
    public StepProcess start(StepView view, List<String> argv, Map<String, String> env, Path stdout, Path stderr)
            throws StepSetupException, IOException {
        return switch (view) {
            case PrivateTmpView tmp -> forkServer.start(view.launchDirectory(), List.of(), null, tmp.tmp(),
                    confinement.shared(), view.workingDir(), argv, env, stdout, stderr);
            case SandboxView sandbox when forkServer != null -> forkServer.start(view.launchDirectory(),
                    sandbox.mounts(), "root", null, sandbox.ownShared(confinement), view.workingDir(), argv, env,
                    stdout, stderr);
            default -> SandboxLauncher.super.start(view, argv, env, stdout, stderr);
        };
    }

    @Override
    public List<String> commandLine(StepView view, List<String> argv) throws IOException {
        SandboxView sandbox = (SandboxView) view;
        Files.writeString(sandbox.launchDirectory().resolve(MOUNTS),
                MountTable.of(sandbox.mounts(), sandbox.shownHidden(confinement), sandbox.ownShared(confinement)),
                StandardCharsets.UTF_8);
        List<String> command = unshareCommand();
        command.addAll(List.of("/bin/sh", "-c", ENTER, "sh", mount.toString(), unshare.toString(), view.workingDir()));
        // setpriv runs inside the private root, where the host's own is bound.
        command.addAll(confinement.setpriv(setpriv));
        command.addAll(argv);
        return command;
    }

    @Override
    public boolean recordsExitStatus() {
        return forkServer != null;
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

    @Override
    public void close() {
        if (forkServer != null) {
            forkServer.close();
        }
    }
}
