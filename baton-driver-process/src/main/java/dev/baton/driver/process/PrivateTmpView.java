package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The view of a sandboxed attempt that declares nothing outside {@code /tmp} and stages no files:
 * the host's file system with one private directory of the work area bound over {@code /tmp}. It
 * needs one mount instead of a private root, so it is the cheap view most steps get.
 */
final class PrivateTmpView implements StepView {
    private static final String TMP = "tmp";

    private final Path workArea;
    private final Path tmp;
    private final String workingDir;

    private PrivateTmpView(Path workArea, String workingDir) {
        this.workArea = workArea;
        this.tmp = workArea.resolve(TMP);
        this.workingDir = workingDir;
    }

    /**
     * The view, when it is enough: every declared path is under {@code /tmp}, nothing is staged, the
     * host's {@code /tmp} is a directory and the working directory an existing host directory outside it.
     */
    static Optional<PrivateTmpView> prepare(Path workArea, Collection<String> declared, String workingDir,
            boolean stagesFiles) throws IOException {
        String cwd = ViewPaths.absolute(workingDir == null ? "/" : workingDir, "/");
        if (stagesFiles || !Files.isDirectory(Path.of("/" + TMP), LinkOption.NOFOLLOW_LINKS)
                || !Files.isDirectory(Path.of(cwd)) || Path.of(cwd).toRealPath().startsWith("/" + TMP)) {
            return Optional.empty();
        }
        for (String path : declared) {
            if (!ViewPaths.top(ViewPaths.absolute(path, cwd)).equals(TMP)) {
                return Optional.empty();
            }
        }
        Path area = workArea.toAbsolutePath();
        Path tmp = Files.createDirectories(area.resolve(TMP));
        Files.setAttribute(tmp, "unix:mode", 01777);
        return Optional.of(new PrivateTmpView(area, cwd));
    }

    /** The host directory the step sees as {@code /tmp}. */
    Path tmp() {
        return tmp;
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
        return hostPath(viewPath).orElseThrow(() -> new StepSetupException(
                "cannot place a file at " + viewPath + ": only /tmp is private to this step"));
    }

    @Override
    public Optional<Path> collect(String viewPath) {
        return hostPath(viewPath).filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS));
    }

    private Optional<Path> hostPath(String viewPath) {
        String path = ViewPaths.absolute(viewPath, workingDir);
        return ViewPaths.top(path).equals(TMP) ? Optional.of(ViewPaths.under(tmp, ViewPaths.belowTop(path)))
                : Optional.empty();
    }

    @Override
    public void prepareWritable(String viewPath, Confinement confinement) throws IOException {
        Optional<Path> placed = hostPath(viewPath);
        if (placed.isEmpty()) {
            return;
        }
        Files.createDirectories(placed.get());
        for (Path dir = placed.get(); !dir.equals(tmp) && dir.startsWith(tmp); dir = dir.getParent()) {
            confinement.handOver(dir);
        }
    }

    @Override
    public Path stagingDir() {
        return workArea.resolve("staging");
    }

    @Override
    public String stagingViewDir() {
        return SandboxView.STAGING_VIEW_DIR;
    }
}
