package dev.baton.driver.process;

import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.file.FileFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Puts input files where the step will see them before it starts. Sources are immutable, so a hard
 * link is enough; a requested mode would change the shared inode, so then the file is copied. A source
 * the step's user could not read is copied too, and the copy given to that user.
 */
final class InputPlacement {
    private InputPlacement() {
    }

    static void place(StepLaunch.InputFile input, StepView view, Confinement confinement) throws StepSetupException {
        String viewPath = view.resolve(input.path());
        Path source = input.source();
        if (!Files.exists(source)) {
            throw new StepSetupException("input for " + viewPath + " is missing: its stored content is gone");
        }
        try {
            Path target = view.placementOf(viewPath);
            Files.createDirectories(target.getParent());
            boolean readable = confinement.canRead(source);
            if (Files.isDirectory(source)) {
                if (input.mode() == null && readable) {
                    FileTrees.linkTree(source, target);
                } else {
                    FileTrees.copyTree(source, target);
                    try (var tree = Files.walk(target)) {
                        for (Path file : tree.filter(Files::isRegularFile).toList()) {
                            setMode(file, input.mode() == null ? modeOf(file) : input.mode());
                        }
                    }
                    confinement.giveCopy(target);
                }
                return;
            }
            FileTrees.delete(target);
            int sourceMode = modeOf(source);
            if ((input.mode() == null || input.mode() == sourceMode) && readable) {
                FileTrees.linkOrCopy(source, target);
            } else {
                Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
                setMode(target, input.mode() == null ? sourceMode : input.mode());
                confinement.giveCopy(target);
            }
        } catch (IOException e) {
            // the message names the path as the step sees it; the host paths stay in the cause
            throw new StepSetupException("could not place the input at " + viewPath + ": "
                    + FileFailure.reason(e).orElse("the file could not be written"), e);
        }
    }

    private static int modeOf(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:mode") & 07777;
    }

    static void setMode(Path file, int mode) throws IOException {
        Files.setAttribute(file, "unix:mode", mode);
    }
}
