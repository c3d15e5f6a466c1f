package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds the same private root as {@link NamespaceLauncher} with bubblewrap, for hosts that refuse
 * {@code unshare}. Private views of existing host directories need {@code --overlay} (bubblewrap 0.9);
 * with an older bubblewrap a step declaring such a path fails with a message saying so. Hidden directories
 * get an empty read-only tmpfs, the host's shared writable ones ({@code /var/tmp}) an empty writable one. Run by
 * an ordinary user, bubblewrap runs the step as that user in a user namespace with no capabilities; run by root,
 * the step is started through {@code setpriv} as the step's user, since bubblewrap's own {@code --uid} would
 * map that user to root on the host.
 */
final class BubblewrapLauncher implements SandboxLauncher {
    /** The size of the private file system over a shared writable directory, as {@link MountTable} has it. */
    private static final String SHARED_SIZE = String.valueOf(64 << 20);

    private final Path bwrap;
    private final boolean overlays;
    private final Confinement confinement;
    private final Path setpriv;

    /** @param setpriv util-linux setpriv; needed only when Baton runs as root */
    BubblewrapLauncher(Path bwrap, boolean overlays, Confinement confinement, Path setpriv) {
        this.bwrap = bwrap;
        this.overlays = overlays;
        this.confinement = confinement;
        this.setpriv = setpriv;
    }

    @Override
    public Confinement confinement() {
        return confinement;
    }

    /** Whether this bubblewrap can mount overlays, judged from its help text. */
    static boolean supportsOverlays(Path bwrap) throws InterruptedException {
        try {
            Process help = new ProcessBuilder(bwrap.toString(), "--help").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor();
            return text.contains("--overlay-src");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Isolation isolation() {
        return Isolation.BUBBLEWRAP;
    }

    @Override
    public String stagingViewDir(Path workArea) {
        return SandboxView.STAGING_VIEW_DIR;
    }

    @Override
    public StepView prepare(Path workArea, Collection<String> declared, String workingDir, boolean stagesFiles)
            throws StepSetupException, IOException {
        return SandboxView.prepare(workArea, HostRootEntry.list(), declared, workingDir);
    }

    @Override
    public List<String> commandLine(StepView view, List<String> argv) throws StepSetupException {
        SandboxView sandbox = (SandboxView) view;
        List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--unshare-pid",
                "--bind", sandbox.root().toString(), "/"));
        for (SandboxMount mount : sandbox.mounts()) {
            String target = "/" + mount.target();
            switch (mount.kind()) {
                case BIND_TREE, BIND_FILE -> command.addAll(List.of("--bind", mount.source(), target));
                case DEVICES -> command.addAll(List.of("--dev-bind", mount.source(), target));
                case PROC -> command.addAll(List.of("--proc", target));
                case OVERLAY -> {
                    if (!overlays) {
                        throw new StepSetupException("declared paths under the host directory " + target
                                + " need an overlay, which this bubblewrap (" + bwrap + ") cannot mount;"
                                + " install bubblewrap 0.9 or later, or allow unshare");
                    }
                    command.addAll(List.of("--overlay-src", mount.source(), "--overlay",
                            view.launchDirectory().resolve(mount.upper()).toString(),
                            view.launchDirectory().resolve(mount.work()).toString(), target));
                }
            }
        }
        for (String hidden : sandbox.shownHidden(confinement)) {
            command.addAll(List.of("--tmpfs", hidden, "--remount-ro", hidden));
        }
        for (String shared : sandbox.ownShared(confinement)) {
            // --size came with bubblewrap 0.8, so with every one that can mount overlays.
            command.addAll(overlays ? List.of("--perms", "1777", "--size", SHARED_SIZE, "--tmpfs", shared)
                    : List.of("--perms", "1777", "--tmpfs", shared));
        }
        command.addAll(List.of("--chdir", view.workingDir()));
        if (confinement.switchesUser()) {
            command.add("--");
            command.addAll(confinement.setpriv(setpriv));
        } else {
            command.addAll(List.of("--cap-drop", "ALL", "--"));
        }
        command.addAll(argv);
        return command;
    }

    @Override
    public boolean ownProcessGroup() {
        return false;
    }

    @Override
    public Optional<String> setupFailure(StepView view, int exitCode) {
        return Optional.empty();
    }
}
