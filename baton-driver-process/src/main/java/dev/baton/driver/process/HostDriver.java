package dev.baton.driver.process;

import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.Driver;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs leaf steps as processes on this machine, each in a private view of the file system where its
 * declared paths and {@code /tmp} belong to that attempt alone (see {@link Isolation}); the image is
 * ignored except for the argosay and cowsay test images, which are emulated.
 *
 * <p>Construct with {@code new HostDriver(HostDriverSettings.from(settings))} or through
 * {@link HostDriverProvider}. The isolation is chosen once, here; when steps cannot be isolated a
 * single warning line goes to standard error, and unless the settings allow insecure steps every step
 * then ends in error with the reason instead of running as this process's user.
 */
public final class HostDriver implements Driver {
    private final HostDriverSettings settings;
    private final SandboxLauncher launcher;
    private final Optional<String> warning;
    private final Optional<String> refusal;
    private final StepCommandResolver commands;
    private final Map<String, String> inheritedEnvironment;
    private final Set<AttemptId> seen = ConcurrentHashMap.newKeySet();
    private final Map<AttemptId, Running> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Running(AttemptRun run, Thread thread) {
    }

    public HostDriver(HostDriverSettings settings) {
        this.settings = settings;
        IsolationProbe.Choice choice;
        try {
            choice = new IsolationProbe().choose(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the host's isolation", e);
        }
        this.launcher = choice.launcher();
        this.warning = choice.warning().map(problem -> problem + (settings.insecureSteps()
                ? "; steps run unisolated as this process's user (insecure-steps): a step can read and change"
                        + " everything this user can, Baton's own data included"
                : "; steps will not run. Start the server with --insecure-steps to run them unisolated as its"
                        + " own user, able to read and change everything that user can"));
        this.refusal = choice.warning().filter(problem -> !settings.insecureSteps()).map(problem ->
                "this host allows steps no sandbox (" + problem.replaceFirst("^baton: ", "") + "), so the step was"
                        + " not run: allow unprivileged user namespaces (or run Baton as root), or start the server"
                        + " with --insecure-steps to run steps unisolated as the server's own user");
        this.commands = new StepCommandResolver(ExecutableSearch.ofHostFor(launcher.confinement()));
        this.inheritedEnvironment = StepEnvironment.inherited(System.getenv(), launcher.confinement());
        warning.ifPresent(System.err::println);
    }

    public HostDriver() {
        this(HostDriverSettings.defaults());
    }

    /** How this driver's steps are kept apart from each other and from the host. */
    public Isolation isolation() {
        return launcher.isolation();
    }

    /** Whether namespaced steps are forked by the fork server (python3 found and working) rather than util-linux. */
    boolean forksSteps() {
        return launcher instanceof NamespaceLauncher namespace && namespace.usesForkServer();
    }

    /** The warning printed when steps run unisolated, if they do. */
    public Optional<String> isolationWarning() {
        return warning;
    }

    public HostDriverSettings settings() {
        return settings;
    }

    @Override
    public void start(StepLaunch launch, StepListener listener) {
        if (!seen.add(launch.attempt())) {
            return;
        }
        if (closed) {
            listener.finished(launch.attempt(), new StepOutcome.Failed("the host driver is closed"));
            return;
        }
        if (refusal.isPresent()) {
            listener.finished(launch.attempt(), new StepOutcome.Failed(refusal.get()));
            return;
        }
        run(launch, new AttemptRun(launch, listener, launcher, commands, inheritedEnvironment,
                settings.killGrace()));
    }

    private void run(StepLaunch launch, AttemptRun run) {
        Thread thread = Thread.ofVirtual().name("baton-host-" + launch.attempt()).unstarted(() -> {
            try {
                run.run();
            } finally {
                running.remove(launch.attempt());
            }
        });
        running.put(launch.attempt(), new Running(run, thread));
        thread.start();
    }

    /**
     * Picks up an attempt an earlier engine started, from the files its work area holds ({@link AttemptFiles}):
     * its recorded exit status is collected as if observed; a still-running init is watched until it records
     * one; an attempt never handed to a launcher is left for {@link #start} (false); anything else is reported
     * lost, never run again.
     */
    @Override
    public boolean reattach(StepLaunch launch, StepListener listener) {
        AttemptTrace trace = new AttemptFiles(launch.workArea()).trace();
        if (trace instanceof AttemptTrace.NeverStarted) {
            return false;
        }
        if (!seen.add(launch.attempt())) {
            return true;
        }
        run(launch, new AttemptRun(launch, listener, launcher, commands, inheritedEnvironment, settings.killGrace(),
                trace));
        return true;
    }

    @Override
    public void cancel(AttemptId attempt, String reason) {
        Running step = running.get(attempt);
        if (step != null) {
            step.run().cancel(reason);
        }
    }

    /** Kills every running step at once and waits briefly for each to report. */
    @Override
    public void close() {
        closed = true;
        running.values().forEach(step -> step.run().killNow());
        for (Running step : running.values()) {
            try {
                step.thread().join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        launcher.close();
    }
}
