package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The private root of one sandboxed attempt, built as a directory of the work area: every entry of
 * the host's {@code /} is bound into it except {@code /tmp}, the staging directory and the top-level
 * directories that declared paths live under. Those are the root's own directories (private), or,
 * when the host has that directory, an overlay whose writes land in the work area. Nothing a step
 * writes under a declared path reaches the host's real file system.
 */
final class SandboxView implements StepView {
    static final String STAGING_VIEW_DIR = "/argo/staging";
    private static final Set<String> UNDECLARABLE = Set.of("proc", "dev", "sys");

    private final Path workArea;
    private final Path root;
    private final String workingDir;
    private final Map<String, String> symlinkTops;
    private final Map<String, Integer> overlayTops;
    private final Set<String> privateTops;
    private final List<String> declared;
    private final List<SandboxMount> mounts;

    private SandboxView(Path workArea, String workingDir, Map<String, String> symlinkTops,
            Map<String, Integer> overlayTops, Set<String> privateTops, List<String> declared,
            List<SandboxMount> mounts) {
        this.workArea = workArea;
        this.root = workArea.resolve("root");
        this.workingDir = workingDir;
        this.symlinkTops = symlinkTops;
        this.overlayTops = overlayTops;
        this.privateTops = privateTops;
        this.declared = declared;
        this.mounts = mounts;
    }

    /**
     * Builds the root directory and decides its mounts.
     *
     * @param declared every path the attempt declares (inputs and outputs), absolute or relative
     */
    static SandboxView prepare(Path workArea, List<HostRootEntry> host, Collection<String> declared,
            String workingDir) throws StepSetupException, IOException {
        return plan(workArea, host, declared, workingDir, true);
    }

    /** The view {@link #prepare} built earlier in {@code workArea} from the same arguments; creates nothing. */
    static SandboxView reopen(Path workArea, List<HostRootEntry> host, Collection<String> declared,
            String workingDir) throws StepSetupException, IOException {
        return plan(workArea, host, declared, workingDir, false);
    }

    private static SandboxView plan(Path workArea, List<HostRootEntry> host, Collection<String> declared,
            String workingDir, boolean build) throws StepSetupException, IOException {
        Path area = workArea.toAbsolutePath();
        String cwd = ViewPaths.absolute(workingDir == null ? "/" : workingDir, "/");
        Map<String, String> symlinks = new HashMap<>();
        for (HostRootEntry entry : host) {
            if (entry.kind() == HostRootEntry.Kind.SYMLINK) {
                symlinks.put(entry.name(), entry.linkTarget());
            }
        }
        Set<String> privateTops = new HashSet<>(Set.of("tmp", "argo"));
        List<String> declaredPaths = new ArrayList<>();
        for (String path : declared) {
            declareTop(ViewPaths.absolute(path, cwd), symlinks, privateTops);
            declaredPaths.add(followTopLink(ViewPaths.absolute(path, cwd), symlinks));
        }
        // The working directory is created if missing, so when it is not already there it is declared too.
        String cwdTop = ViewPaths.top(followTopLink(cwd, symlinks));
        boolean createCwd = !cwdTop.isEmpty()
                && (privateTops.contains(cwdTop) || !Files.isDirectory(Path.of(cwd)));
        if (createCwd) {
            declareTop(cwd, symlinks, privateTops);
            declaredPaths.add(followTopLink(cwd, symlinks));
        }
        Map<String, Integer> overlays = new HashMap<>();
        List<SandboxMount> mounts = new ArrayList<>();
        Path root = area.resolve("root");
        buildRoot(area, host, privateTops, overlays, mounts, build);
        SandboxView view = new SandboxView(area, cwd, Map.copyOf(symlinks), Map.copyOf(overlays),
                Set.copyOf(privateTops), List.copyOf(declaredPaths), List.copyOf(mounts));
        if (!build) {
            return view;
        }
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Files.setAttribute(tmp, "unix:mode", 01777);
        Files.createDirectories(root.resolve("argo/staging"));
        if (createCwd) {
            Files.createDirectories(view.placementOf(cwd));
        }
        return view;
    }

    /** Creates the root's mount points and links, and lists the mounts that fill them. */
    private static void buildRoot(Path area, List<HostRootEntry> host, Set<String> privateTops,
            Map<String, Integer> overlays, List<SandboxMount> mounts, boolean build) throws IOException {
        Path root = area.resolve("root");
        if (build) {
            Files.createDirectories(root);
        }
        for (HostRootEntry entry : host) {
            if (!build) {
                planOverlay(entry, privateTops, overlays, mounts);
                continue;
            }
            String name = entry.name();
            Path inRoot = root.resolve(name);
            if (privateTops.contains(name) && entry.kind() == HostRootEntry.Kind.DIRECTORY
                    && !name.equals("tmp") && !name.equals("argo")) {
                int index = overlays.size();
                overlays.put(name, index);
                Files.createDirectories(area.resolve("overlay/" + index + "/upper"));
                Files.createDirectories(area.resolve("overlay/" + index + "/work"));
                Files.createDirectory(inRoot);
                mounts.add(SandboxMount.overlay(name, "overlay/" + index + "/upper", "overlay/" + index + "/work"));
            } else if (privateTops.contains(name)) {
                continue;
            } else if (name.equals("proc")) {
                Files.createDirectory(inRoot);
                mounts.add(SandboxMount.proc());
            } else if (entry.kind() == HostRootEntry.Kind.SYMLINK) {
                Files.createSymbolicLink(inRoot, Path.of(entry.linkTarget()));
            } else if (entry.kind() == HostRootEntry.Kind.DIRECTORY) {
                Files.createDirectory(inRoot);
                mounts.add(SandboxMount.bind(name.equals("dev") ? SandboxMount.Kind.DEVICES
                        : SandboxMount.Kind.BIND_TREE, name));
            } else {
                Files.createFile(inRoot);
                mounts.add(SandboxMount.bind(SandboxMount.Kind.BIND_FILE, name));
            }
        }
    }

    /** The mounts and overlays {@link #buildRoot} decides for one host entry, without creating anything. */
    private static void planOverlay(HostRootEntry entry, Set<String> privateTops, Map<String, Integer> overlays,
            List<SandboxMount> mounts) {
        String name = entry.name();
        if (privateTops.contains(name) && entry.kind() == HostRootEntry.Kind.DIRECTORY
                && !name.equals("tmp") && !name.equals("argo")) {
            int index = overlays.size();
            overlays.put(name, index);
            mounts.add(SandboxMount.overlay(name, "overlay/" + index + "/upper", "overlay/" + index + "/work"));
        }
    }

    private static void declareTop(String path, Map<String, String> symlinks, Set<String> privateTops)
            throws StepSetupException {
        String top = ViewPaths.top(followTopLink(path, symlinks));
        if (UNDECLARABLE.contains(top)) {
            throw new StepSetupException("declared path " + path + " is under /" + top
                    + ", which host steps share with the host; declare a path elsewhere");
        }
        if (!top.isEmpty()) {
            privateTops.add(top);
        }
    }

    List<SandboxMount> mounts() {
        return mounts;
    }

    /** The hidden directories this root would show: those under a top-level directory bound or overlaid from the host. */
    List<String> shownHidden(Confinement confinement) {
        return confinement.shownIn(top -> !top.equals("tmp") && !top.equals("argo"));
    }

    /**
     * The host's shared writable directories this root shows, each to get a private writable file system: all
     * but those holding a declared path (their top-level directory is an overlay, so what the step writes there
     * stays in its work area anyway, and a file system over them would hide the step's inputs and outputs).
     */
    List<String> ownShared(Confinement confinement) {
        return confinement.shared().stream()
                .filter(dir -> declared.stream().noneMatch(path -> Path.of(path).startsWith(dir))).toList();
    }

    /**
     * Creates {@code viewPath} as a directory the step's user owns, with every directory above it up to its
     * top-level one, when that top-level directory is the step's own (private or overlaid); elsewhere the view
     * shows the host's directories, which stay as they are. {@code /tmp} itself stays sticky and shared.
     */
    @Override
    public void prepareWritable(String viewPath, Confinement confinement) throws IOException, StepSetupException {
        String path = followTopLink(viewPath);
        String top = ViewPaths.top(path);
        if (top.isEmpty()) {
            // A declared path directly under /: the private root itself, whose top-level entries are mount points.
            confinement.handOver(root);
            return;
        }
        if (!privateTops.contains(top)) {
            return;
        }
        Path topDir = overlayTops.containsKey(top) ? upperDir(overlayTops.get(top)) : root.resolve(top);
        Path placed = placementOf(path);
        Files.createDirectories(placed);
        for (Path dir = placed; dir != null && dir.startsWith(topDir); dir = dir.getParent()) {
            if (!top.equals("tmp") || !dir.equals(topDir)) {
                confinement.handOver(dir);
            }
        }
    }

    Path root() {
        return root;
    }

    @Override
    public String workingDir() {
        return workingDir;
    }

    @Override
    public Path launchDirectory() {
        return workArea;
    }

    @Override
    public String resolve(String declared) {
        return ViewPaths.absolute(declared, workingDir);
    }

    @Override
    public Path placementOf(String viewPath) throws StepSetupException {
        String path = followTopLink(viewPath);
        String top = ViewPaths.top(path);
        Integer overlay = overlayTops.get(top);
        if (overlay != null) {
            return ViewPaths.under(upperDir(overlay), ViewPaths.belowTop(path));
        }
        if (top.isEmpty()) {
            throw new StepSetupException("cannot place a file at / itself");
        }
        return root.resolve(path.substring(1));
    }

    @Override
    public Optional<Path> collect(String viewPath) throws IOException {
        String path = followTopLink(viewPath);
        String top = ViewPaths.top(path);
        Integer overlay = overlayTops.get(top);
        if (overlay != null) {
            return new OverlayLayers(upperDir(overlay), Path.of("/" + top), workArea.resolve("collected"))
                    .locate(ViewPaths.belowTop(path));
        }
        Path candidate = top.isEmpty() ? root : root.resolve(path.substring(1));
        return Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) ? Optional.of(candidate) : Optional.empty();
    }

    @Override
    public Path stagingDir() {
        return root.resolve("argo/staging");
    }

    @Override
    public String stagingViewDir() {
        return STAGING_VIEW_DIR;
    }

    private Path upperDir(int overlay) {
        return workArea.resolve("overlay/" + overlay + "/upper");
    }

    private String followTopLink(String path) {
        return followTopLink(path, symlinkTops);
    }

    /** {@code /bin/x} is {@code /usr/bin/x} when the host's {@code /bin} links to {@code usr/bin}. */
    private static String followTopLink(String path, Map<String, String> symlinks) {
        String target = symlinks.get(ViewPaths.top(path));
        if (target == null) {
            return path;
        }
        String below = ViewPaths.belowTop(path);
        return ViewPaths.absolute(below.isEmpty() ? target : target + "/" + below, "/");
    }
}
