package dev.baton.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How an engine process names itself in the leases it holds — {@code host/pid-namespace/pid/start/random} —
 * so that another engine on the same machine can prove it dead (no process with that PID, or one started at
 * another time) and take its runs over at once instead of waiting for its lease to expire.
 */
public final class EngineOwner {
    private EngineOwner() {
    }

    /** This process's name for leases. */
    public static String current() {
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        return machine() + "/" + pid + "/" + startMillis(pid).orElse(0L) + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Whether {@code owner} names an engine of this machine (same host and PID namespace) whose process no
     * longer runs. False whenever that cannot be proved: another machine, an owner named in another form.
     */
    public static boolean gone(String owner) {
        String[] parts = owner.split("/");
        if (parts.length != 5 || !(parts[0] + "/" + parts[1]).equals(machine())) {
            return false;
        }
        long pid;
        long start;
        try {
            pid = Long.parseLong(parts[2]);
            start = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (start == 0) {
            return false;
        }
        return zombie(pid) || startMillis(pid).map(millis -> millis != start).orElse(true);
    }

    /** A killed process its parent has not reaped yet: it can write nothing any more. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The PID's process start time, while a process has that PID. */
    private static Optional<Long> startMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().startInstant()).map(Instant::toEpochMilli);
    }

    /** The host name and PID namespace: a PID means the same process only within both. */
    private static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String namespace;
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            namespace = link.replaceAll("[^0-9]", "");
        } catch (IOException | UnsupportedOperationException e) {
            namespace = "0";
        }
        return host.replace('/', '_') + "/" + namespace;
    }
}
