package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the per-step cost of the sandbox: sequential {@code true} steps unisolated, and in a
 * namespace started through util-linux or forked by the fork server, each with nothing declared (a
 * private /tmp only) and with an output outside /tmp (a private root); a bare process start for
 * reference. Run with {@code -Dbaton.measure=200}.
 */
class StepOverheadTest {
    @TempDir
    Path work;

    @Test
    void sequentialTrueSteps() throws Exception {
        String count = System.getProperty("baton.measure");
        Assumptions.assumeTrue(count != null, "set -Dbaton.measure=N to measure the per-step overhead");
        int steps = Integer.parseInt(count);
        double bare = bareProcessMillis(steps);
        StringBuilder report = new StringBuilder("%d sequential steps, ms per step: bare process %.1f"
                .formatted(steps, bare));
        double none = measure(Map.of("isolation", "none", "insecure-steps", "true"), null, steps);
        report.append(", isolation=none %.1f".formatted(none));
        double forked = 0;
        for (String forkServer : new String[] {"false", "true"}) {
            for (String output : new String[] {null, "/mnt/out/x"}) {
                double millis = measure(Map.of(HostDriverSettings.ISOLATION, "namespace",
                        HostDriverSettings.FORK_SERVER, forkServer), output, steps);
                report.append(", namespace fork-server=%s %s %.1f".formatted(forkServer,
                        output == null ? "private /tmp" : "private root", millis));
                forked = output == null && forkServer.equals("true") ? millis : forked;
            }
        }
        System.out.println(report);
        assertThat(forked - none).as("namespace overhead per step, ms").isLessThan(20 * bare);
    }

    private double measure(Map<String, String> settings, String output, int steps) throws Exception {
        HostDriver driver;
        try {
            driver = new HostDriver(HostDriverSettings.from(settings));
        } catch (IllegalStateException e) {
            Assumptions.abort("mount namespaces unavailable: " + e.getMessage());
            throw e;
        }
        try (driver) {
            millisPerStep(driver, output, 5);
            return millisPerStep(driver, output, steps);
        }
    }

    private double millisPerStep(HostDriver driver, String output, int steps) throws Exception {
        long begin = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            RecordingListener listener = new RecordingListener();
            Launches launch = Launches.in(work).command("true");
            if (output != null) {
                launch.output("out", output);
            }
            driver.start(launch.build(), listener);
            assertThat(listener.exited().exitCode()).isZero();
        }
        return (System.nanoTime() - begin) / 1e6 / steps;
    }

    private static double bareProcessMillis(int steps) throws Exception {
        long begin = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            new ProcessBuilder("true").start().waitFor();
        }
        return (System.nanoTime() - begin) / 1e6 / steps;
    }
}
