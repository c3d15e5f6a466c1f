package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds out once, when a driver is created, which isolation this host allows. */
final class IsolationProbe {
    private static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The launcher to use, and the warning to print once when steps will not be isolated. */
    record Choice(SandboxLauncher launcher, Optional<String> warning) {
    }

    private final ExecutableSearch tools;
    private String namespaceProblem = "";
    private String bubblewrapProblem = "";
    private boolean forkServer;
    private Confinement confinement;

    IsolationProbe() {
        String path = System.getenv("PATH");
        this.tools = new ExecutableSearch((path == null ? "" : path + ":") + SYSTEM_PATH);
    }

    Choice choose(HostDriverSettings settings) throws InterruptedException {
        forkServer = settings.forkServer();
        confinement = Confinement.of(settings, BatonUser.current());
        return switch (settings.isolation()) {
            case NONE -> unisolated("isolation=none was requested");
            case NAMESPACE -> new Choice(namespace().orElseThrow(() ->
                    new IllegalStateException("isolation=namespace was requested but " + namespaceProblem)), Optional.empty());
            case BWRAP -> new Choice(bubblewrap().orElseThrow(() ->
                    new IllegalStateException("isolation=bwrap was requested but " + bubblewrapProblem)), Optional.empty());
            case AUTO -> {
                Optional<SandboxLauncher> best = namespace().or(this::bubblewrapUnchecked);
                yield best.map(launcher -> new Choice(launcher, Optional.<String>empty()))
                        .orElseGet(() -> unisolated(namespaceProblem + "; " + bubblewrapProblem));
            }
        };
    }

    private Choice unisolated(String why) {
        return new Choice(new UnisolatedLauncher(tools.find("setsid").orElse(null), Confinement.none(BatonUser.current())),
                Optional.of("baton: no mount namespace available (" + why + ")"));
    }

    private Optional<SandboxLauncher> namespace() throws InterruptedException {
        Optional<Path> unshare = tools.find("unshare");
        Optional<Path> mount = tools.find("mount");
        Optional<Path> setpriv = tools.find("setpriv");
        if (unshare.isEmpty() || mount.isEmpty() || setpriv.isEmpty()) {
            namespaceProblem = "util-linux unshare, mount and setpriv are not installed";
            return Optional.empty();
        }
        NamespaceLauncher launcher = new NamespaceLauncher(unshare.get(), mount.get(), setpriv.get(), !isRoot(),
                confinement, null);
        List<String> command = launcher.unshareCommand();
        String trueProgram = tools.find("true").map(Path::toString).orElse("/bin/true");
        command.add(trueProgram);
        Optional<String> failure = run(command);
        if (failure.isPresent()) {
            namespaceProblem = "unshare failed: " + failure.get();
            return Optional.empty();
        }
        Optional<Path> python = forkServer ? tools.find("python3") : Optional.empty();
        return Optional.of(python.flatMap(p -> forkServer(p, !isRoot(), confinement, trueProgram))
                .map(launcher::withForkServer).orElse(launcher));
    }

    /** A fork server that has just run {@code true} in a namespace, or empty where it cannot. */
    private static Optional<ForkServer> forkServer(Path python, boolean userNamespace, Confinement confinement,
            String trueProgram) {
        ForkServer server = null;
        Path area = null;
        try {
            server = ForkServer.start(python, userNamespace, confinement);
            area = Files.createTempDirectory("baton-probe-");
            StepProcess step = server.start(area, List.of(), null, Files.createDirectory(area.resolve("tmp")),
                    confinement.shared(), "/", List.of(trueProgram), Map.of(), area.resolve("stdout"),
                    area.resolve("stderr"));
            if (step.waitFor(10_000) && step.exitCode() == 0) {
                return Optional.of(server);
            }
        } catch (IOException | RuntimeException e) {
            // Steps are then started through util-linux, as without python3.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(area);
        }
        if (server != null) {
            server.close();
        }
        return Optional.empty();
    }

    private Optional<SandboxLauncher> bubblewrapUnchecked() {
        try {
            return bubblewrap();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<SandboxLauncher> bubblewrap() throws InterruptedException {
        Optional<Path> bwrap = tools.find("bwrap");
        if (bwrap.isEmpty()) {
            bubblewrapProblem = "bubblewrap (bwrap) is not installed";
            return Optional.empty();
        }
        Optional<String> failure = run(List.of(bwrap.get().toString(), "--bind", "/", "/", "--unshare-pid",
                tools.find("true").map(Path::toString).orElse("/bin/true")));
        if (failure.isPresent()) {
            bubblewrapProblem = "bwrap failed: " + failure.get();
            return Optional.empty();
        }
        Optional<Path> setpriv = tools.find("setpriv");
        if (isRoot() && setpriv.isEmpty()) {
            bubblewrapProblem = "util-linux setpriv, which drops a step's privilege under root, is not installed";
            return Optional.empty();
        }
        return Optional.of(new BubblewrapLauncher(bwrap.get(), BubblewrapLauncher.supportsOverlays(bwrap.get()),
                confinement, setpriv.orElse(null)));
    }

    /** Runs a probe command; empty when it succeeded, else what it said. */
    private static Optional<String> run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("timed out");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(output.isEmpty() ? "exit status " + process.exitValue() : output);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void deleteQuietly(Path area) {
        try {
            if (area != null) {
                FileTrees.delete(area);
            }
        } catch (IOException e) {
            // A leftover empty probe directory in the system's temporary directory is harmless.
        }
    }

    private static boolean isRoot() {
        return BatonUser.current().root();
    }
}
