package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The view of a step run without isolation: declared absolute paths are the host's own. */
final class UnisolatedView implements StepView {
    private final Path workArea;
    private final String workingDir;

    private UnisolatedView(Path workArea, String workingDir) {
        this.workArea = workArea;
        this.workingDir = workingDir;
    }

    /** Relative paths resolve against {@code workingDir}, or a private directory of the work area without one. */
    static UnisolatedView prepare(Path workArea, String workingDir) throws IOException {
        Path cwd = workingDir == null || workingDir.isBlank()
                ? workArea.resolve("cwd").toAbsolutePath()
                : Path.of(ViewPaths.absolute(workingDir, "/"));
        Files.createDirectories(cwd);
        Files.createDirectories(workArea.resolve("staging"));
        return new UnisolatedView(workArea, cwd.toString());
    }

    @Override
    public String workingDir() {
        return workingDir;
    }

    @Override
    public Path launchDirectory() {
        return Path.of(workingDir);
    }

    @Override
    public String resolve(String declared) {
        return ViewPaths.absolute(declared, workingDir);
    }

    @Override
    public Path placementOf(String viewPath) {
        return Path.of(viewPath);
    }

    @Override
    public Optional<Path> collect(String viewPath) {
        Path path = Path.of(viewPath);
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Path stagingDir() {
        return stagingDir(workArea);
    }

    /** The host's {@code /tmp} is shared here, so parameter files stay in the attempt's own staging directory. */
    @Override
    public String parameterViewDir() {
        return stagingViewDir() + "/inputs/parameters";
    }

    static Path stagingDir(Path workArea) {
        return workArea.resolve("staging").toAbsolutePath();
    }

    @Override
    public String stagingViewDir() {
        return stagingDir().toString();
    }
}
