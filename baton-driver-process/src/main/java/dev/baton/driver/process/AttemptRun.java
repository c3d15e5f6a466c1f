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
 * (virtual) thread, while {@link #cancel} may come from any thread. An attempt that an earlier engine
 * started is picked up from its {@link AttemptTrace} instead: watched while it runs, then collected
 * from its work area exactly as if this driver had started it.
 */
final class AttemptRun implements Runnable {
    private final StepLaunch launch;
    private final StepListener listener;
    private final SandboxLauncher launcher;
    private final StepCommandResolver commands;
    private final Duration killGrace;
    private final Path stdout;
    private final Path stderr;
    private final AttemptFiles files;
    private final AttemptTrace earlier;
    private final Map<String, String> inheritedEnvironment;
    static final String LOST = "the step's process was lost while the engine was down; it was not run again";
    private final Object lock = new Object();
    private StepProcess process;
    private String cancelReason;

    AttemptRun(StepLaunch launch, StepListener listener, SandboxLauncher launcher, StepCommandResolver commands,
            Map<String, String> inheritedEnvironment, Duration killGrace) {
        this(launch, listener, launcher, commands, inheritedEnvironment, killGrace, null);
    }

    /**
     * @param inheritedEnvironment what the step inherits from Baton's environment ({@link StepEnvironment#inherited})
     * @param earlier              what an earlier engine left of this attempt, or null to start it
     */
    AttemptRun(StepLaunch launch, StepListener listener, SandboxLauncher launcher, StepCommandResolver commands,
            Map<String, String> inheritedEnvironment, Duration killGrace, AttemptTrace earlier) {
        this.launch = launch;
        this.inheritedEnvironment = inheritedEnvironment;
        this.earlier = earlier;
        this.listener = listener;
        this.launcher = launcher;
        this.commands = commands;
        this.killGrace = killGrace;
        Path area = launch.workArea().toAbsolutePath();
        this.stdout = area.resolve("stdout.log");
        this.stderr = area.resolve("stderr.log");
        this.files = new AttemptFiles(area);
    }

    AttemptId id() {
        return launch.attempt();
    }

    @Override
    public void run() {
        StepOutcome outcome;
        try {
            outcome = earlier == null ? execute() : pickUp(earlier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            outcome = new StepOutcome.Cancelled("the host driver was interrupted", stdout, stderr);
        } catch (StepSetupException e) {
            outcome = new StepOutcome.Failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the node's message names no class or host path; the server log keeps them
            System.err.println("baton: host driver failure for " + launch.nodeName() + ":");
            e.printStackTrace();
            outcome = new StepOutcome.Failed("the host driver could not run " + launch.nodeName()
                    + " (see the log of the process that ran it)");
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
        Confinement confinement = launcher.confinement();
        for (StepLaunch.InputFile input : launch.inputs()) {
            InputPlacement.place(input, view, confinement);
        }
        for (Map.Entry<String, Path> file : launch.parameterFiles().entrySet()) {
            InputPlacement.place(new StepLaunch.InputFile(file.getValue(),
                    view.parameterViewDir() + "/" + file.getKey(), null), view, confinement);
        }
        prepareWritable(view, confinement);
        Map<String, String> env = StepEnvironment.of(inheritedEnvironment, launch.env());
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
            files.recordDeclared(declared());
            if (!launcher.recordsExitStatus()) {
                files.markLaunched();
            }
            process = launcher.start(view, ready.argv(), env, stdout, stderr);
        }
        listener.started(launch.attempt());
        return watch(view, launch.deadline());
    }

    /** Takes over an attempt an earlier engine started: collects how it ended, or watches it until it ends. */
    private StepOutcome pickUp(AttemptTrace trace) throws InterruptedException, IOException, StepSetupException {
        if (trace instanceof AttemptTrace.Lost || trace instanceof AttemptTrace.NeverStarted) {
            return new StepOutcome.Failed(LOST);
        }
        StepCommand command = commands.resolve(launch, launcher.stagingViewDir(launch.workArea()));
        if (!(command instanceof StepCommand.Ready ready)) {
            return new StepOutcome.Failed(LOST);
        }
        StepView view = launcher.reopen(launch.workArea(), files.declared(), launch.workingDir(),
                !ready.stagedFiles().isEmpty());
        if (trace instanceof AttemptTrace.Ended ended) {
            listener.started(launch.attempt());
            return ended(view, ended.exitCode(), false);
        }
        WatchedProcess watched = new WatchedProcess(files, ((AttemptTrace.Running) trace).init());
        synchronized (lock) {
            process = watched;
            if (cancelReason != null) {
                Thread.ofVirtual().name("baton-host-cancel-" + id()).start(this::stopQuietly);
            }
        }
        listener.started(launch.attempt());
        StepOutcome outcome = watch(view, remainingDeadline());
        if (watched.vanished() && outcome instanceof StepOutcome.Exited) {
            return new StepOutcome.Failed(LOST);
        }
        return outcome;
    }

    /** What is left of the deadline, counted from when the step's init started. */
    private Duration remainingDeadline() {
        if (launch.deadline() == null) {
            return null;
        }
        Duration spent = files.initRecordedAt().map(at -> Duration.between(at, java.time.Instant.now()))
                .orElse(Duration.ZERO);
        Duration left = launch.deadline().minus(spent);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Waits for the started process, killing it at the deadline, and reports how it ended. */
    private StepOutcome watch(StepView view, Duration deadline) throws InterruptedException, IOException {
        boolean deadlineExceeded = !awaitDeadline(deadline);
        if (deadlineExceeded) {
            stop();
        }
        int exitCode = process.exitCode();
        return ended(view, exitCode, deadlineExceeded);
    }

    private StepOutcome ended(StepView view, int exitCode, boolean deadlineExceeded) throws IOException {
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
        return launcher.prepare(launch.workArea(), declared(), launch.workingDir(), stagesFiles);
    }

    /** The step may not run as Baton's user: its working directory and its outputs' directories become its own. */
    private void prepareWritable(StepView view, Confinement confinement) throws IOException, StepSetupException {
        if (!view.workingDir().equals("/")) {
            view.prepareWritable(view.workingDir(), confinement);
        }
        for (StepLaunch.OutputPath output : launch.outputs()) {
            String path = view.resolve(output.path());
            int slash = path.lastIndexOf('/');
            view.prepareWritable(slash <= 0 ? "/" : path.substring(0, slash), confinement);
        }
    }

    private List<String> declared() {
        List<String> declared = new ArrayList<>();
        launch.inputs().forEach(input -> declared.add(input.path()));
        launch.outputs().forEach(output -> declared.add(output.path()));
        return declared;
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
    private boolean awaitDeadline(Duration deadline) throws InterruptedException {
        if (deadline == null) {
            process.exitCode();
            return true;
        }
        return process.waitFor(Math.max(0, deadline.toMillis()));
    }

    private Map<String, Path> collect(StepView view) throws IOException {
        Map<String, Path> collected = new LinkedHashMap<>();
        for (StepLaunch.OutputPath output : launch.outputs()) {
            Optional<Path> path = view.collect(view.resolve(output.path()));
            if (path.isPresent() && launcher.confinement().mayCollect(path.get(), launch.workArea().toAbsolutePath())) {
                collected.put(output.key(), path.get());
            }
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
