package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Runs a step as a plain host process in a session of its own, so a kill reaches its children. */
final class UnisolatedLauncher implements SandboxLauncher {
    private final Path setsid;
    private final Confinement confinement;

    UnisolatedLauncher(Path setsid, Confinement confinement) {
        this.setsid = setsid;
        this.confinement = confinement;
    }

    @Override
    public Confinement confinement() {
        return confinement;
    }

    @Override
    public Isolation isolation() {
        return Isolation.NONE;
    }

    @Override
    public String stagingViewDir(Path workArea) {
        return UnisolatedView.stagingDir(workArea).toString();
    }

    @Override
    public StepView prepare(Path workArea, Collection<String> declared, String workingDir, boolean stagesFiles)
            throws IOException {
        return UnisolatedView.prepare(workArea, workingDir);
    }

    @Override
    public List<String> commandLine(StepView view, List<String> argv) {
        List<String> command = new ArrayList<>();
        if (setsid != null) {
            command.add(setsid.toString());
        }
        command.addAll(argv);
        return command;
    }

    @Override
    public boolean ownProcessGroup() {
        return setsid != null;
    }

    @Override
    public Optional<String> setupFailure(StepView view, int exitCode) {
        return Optional.empty();
    }
}
