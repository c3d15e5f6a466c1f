package dev.baton.driver.process;

import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt on the host, from preparing its view to reporting how it ended; runs on its own
 * (virtual) thread, while {@link #cancel} may come from any thread.
 */
final class AttemptRun implements Runnable {
    private final StepLaunch launch;
    private final StepListener listener;
    private final SandboxLauncher launcher;
    private final StepCommandResolver commands;
    private final Duration killGrace;
    private final Path stdout;
    private final Path stderr;
    private final Object lock = new Object();
    private StepProcess process;
    private String cancelReason;

    AttemptRun(StepLaunch launch, StepListener listener, SandboxLauncher launcher, StepCommandResolver commands,
            Duration killGrace) {
        this.launch = launch;
        this.listener = listener;
        this.launcher = launcher;
        this.commands = commands;
        this.killGrace = killGrace;
        Path area = launch.workArea().toAbsolutePath();
        this.stdout = area.resolve("stdout.log");
        this.stderr = area.resolve("stderr.log");
    }

    AttemptId id() {
        return launch.attempt();
    }

    @Override
    public void run() {
        StepOutcome outcome;
        try {
            outcome = execute();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            outcome = new StepOutcome.Cancelled("the host driver was interrupted", stdout, stderr);
        } catch (StepSetupException e) {
            outcome = new StepOutcome.Failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            outcome = new StepOutcome.Failed("host driver failure for " + launch.nodeName() + ": " + e);
        }
        listener.finished(launch.attempt(), outcome);
    }

    /** Asks the attempt to stop; returns at once, the attempt then reports {@link StepOutcome.Cancelled}. */
    void cancel(String reason) {
        synchronized (lock) {
            if (cancelReason != null) {
                return;
            }
            cancelReason = reason;
            if (process == null) {
                return;
            }
        }
        Thread.ofVirtual().name("baton-host-cancel-" + id()).start(this::stopQuietly);
    }

    private StepOutcome execute() throws InterruptedException, IOException, StepSetupException {
        Files.createDirectories(launch.workArea());
        Files.createFile(stdout);
        Files.createFile(stderr);
        StepCommand command = commands.resolve(launch, launcher.stagingViewDir(launch.workArea()));
        if (command instanceof StepCommand.Unrunnable unrunnable) {
            return new StepOutcome.Failed(unrunnable.message());
        }
        StepCommand.Ready ready = (StepCommand.Ready) command;
        StepView view = prepareView(!ready.stagedFiles().isEmpty() || launch.scriptFile() != null);
        stage(ready.stagedFiles(), view);
        stageScriptFile(view);
        for (StepLaunch.InputFile input : launch.inputs()) {
            InputPlacement.place(input, view);
        }
        for (Map.Entry<String, Path> file : launch.parameterFiles().entrySet()) {
            InputPlacement.place(new StepLaunch.InputFile(file.getValue(),
                    view.parameterViewDir() + "/" + file.getKey(), null), view);
        }
        Map<String, String> env = StepEnvironment.of(System.getenv(), launch.env());
        if (!launch.parameterFiles().isEmpty()) {
            env.put(StepLaunch.PARAMETER_DIRECTORY_VARIABLE, view.parameterViewDir());
        }
        if (ready.pathPrefix() != null) {
            String path = env.get("PATH");
            env.put("PATH", ready.pathPrefix() + (path == null ? "" : ":" + path));
        }
        synchronized (lock) {
            if (cancelReason != null) {
                return new StepOutcome.Cancelled(cancelReason, stdout, stderr);
            }
            process = launcher.start(view, ready.argv(), env, stdout, stderr);
        }
        listener.started(launch.attempt());
        boolean deadlineExceeded = !awaitDeadline();
        if (deadlineExceeded) {
            stop();
        }
        int exitCode = process.exitCode();
        synchronized (lock) {
            if (cancelReason != null) {
                return new StepOutcome.Cancelled(cancelReason, stdout, stderr);
            }
        }
        Optional<String> setupFailure = launcher.setupFailure(view, exitCode);
        if (setupFailure.isPresent()) {
            return new StepOutcome.Failed(setupFailure.get());
        }
        return new StepOutcome.Exited(exitCode, stdout, stderr, collect(view), deadlineExceeded);
    }

    private StepView prepareView(boolean stagesFiles) throws StepSetupException, IOException {
        List<String> declared = new ArrayList<>();
        launch.inputs().forEach(input -> declared.add(input.path()));
        launch.outputs().forEach(output -> declared.add(output.path()));
        return launcher.prepare(launch.workArea(), declared, launch.workingDir(), stagesFiles);
    }

    /** Links a script given as a file into the staging directory. */
    private void stageScriptFile(StepView view) throws IOException {
        if (launch.scriptFile() == null) {
            return;
        }
        Path target = view.stagingDir().resolve(StepCommandResolver.SCRIPT);
        Files.createDirectories(target.getParent());
        FileTrees.delete(target);
        // The script file belongs to this attempt alone, so a hard link may take the executable mode.
        FileTrees.linkOrCopy(launch.scriptFile(), target);
        InputPlacement.setMode(target, 0755);
    }

    private static void stage(Map<String, String> files, StepView view) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = view.stagingDir().resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            InputPlacement.setMode(target, 0755);
        }
    }

    /** Waits for the process until the deadline; false when the deadline passed first. */
    private boolean awaitDeadline() throws InterruptedException {
        if (launch.deadline() == null) {
            process.exitCode();
            return true;
        }
        return process.waitFor(Math.max(0, launch.deadline().toMillis()));
    }

    private Map<String, Path> collect(StepView view) throws IOException {
        Map<String, Path> collected = new LinkedHashMap<>();
        for (StepLaunch.OutputPath output : launch.outputs()) {
            view.collect(view.resolve(output.path())).ifPresent(path -> collected.put(output.key(), path));
        }
        return collected;
    }

    /** SIGTERM to the whole tree, SIGKILL after the grace period. */
    private void stop() throws InterruptedException {
        ProcessTree tree = new ProcessTree(process.root(), launcher.ownProcessGroup());
        tree.terminate();
        if (!process.waitFor(killGrace.toMillis())) {
            tree.kill();
        } else if (launcher.ownProcessGroup()) {
            // The leader is gone; anything it left in its group is killed too.
            tree.kill();
        }
    }

    /** Kills at once and without waiting: the driver is closing. */
    void killNow() {
        StepProcess running;
        synchronized (lock) {
            if (cancelReason == null) {
                cancelReason = "the host driver was closed";
            }
            running = process;
        }
        if (running != null) {
            try {
                new ProcessTree(running.root(), launcher.ownProcessGroup()).kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopQuietly() {
        synchronized (lock) {
            if (process == null) {
                return;
            }
        }
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                new ProcessTree(process.root(), launcher.ownProcessGroup()).kill();
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
