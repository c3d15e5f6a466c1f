package dev.baton.driver.process;

import dev.baton.spi.driver.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by {@link OrdinaryUserConfinementTest} in a JVM of its own as an ordinary user: a driver of that user
 * starts one hostile step with a work area in {@code HOME} and prints what the step printed.
 *
 * <p>Arguments: the Baton home to hide, then {@code fork-server}, {@code util-linux} or {@code bwrap}.
 */
final class OrdinaryUserAttack {
    static final String SCRIPT = """
            try() { if sh -c "$1" >/dev/null 2>&1; then echo "SUCCEEDED: $1"; else echo "failed: $1"; fi; }
            try "umount /tmp"
            try "umount /proc"
            try "mount -t tmpfs none /mnt"
            try "cat $HIDDEN/baton.db"
            try "echo x >> $HIDDEN/baton.db"
            try "ls -A $HIDDEN/work | grep ."
            try "echo pwned > /etc/baton-pwned"
            try "kill -0 $OUTSIDER"
            grep -E '^(CapEff|CapBnd|NoNewPrivs)' /proc/self/status
            """;

    private OrdinaryUserAttack() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Files.writeString(home.resolve("baton.db"), "tokens\n");
        Process outsider = new ProcessBuilder("sleep", "60").start();
        boolean bwrap = args[1].equals("bwrap");
        try (HostDriver driver = new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION,
                bwrap ? "bwrap" : "namespace", HostDriverSettings.FORK_SERVER, Boolean.toString(args[1].equals(
                        "fork-server")), HostDriverSettings.HIDDEN_PATHS, home.toString())))) {
            for (boolean privateRoot : new boolean[] {false, true}) {
                Launches launch = Launches.in(home.resolve("work")).env("HIDDEN", home.toString())
                        .env("OUTSIDER", Long.toString(outsider.pid())).sh(SCRIPT);
                if (privateRoot) {
                    // Not /mnt: some hosts refuse an unprivileged overlay on theirs (a limit of the host, not Baton's).
                    launch.output("out", bwrap ? "/baton-out/result" : "/opt/baton-out/result");
                }
                RecordingListener listener = new RecordingListener();
                driver.start(launch.build(), listener);
                StepOutcome.Exited exited = listener.exited();
                System.out.print(Files.readString(exited.stdout()));
            }
            System.out.println("isolation=" + driver.isolation() + " forked=" + driver.forksSteps()
                    + " outsider alive=" + outsider.isAlive());
        } finally {
            outsider.destroyForcibly();
        }
    }
}
