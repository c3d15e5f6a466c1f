package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the per-step cost of the sandbox: sequential {@code true} steps with and without the
 * namespace, and a bare process start for reference. Run with {@code -Dbaton.measure=200}.
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
        double none;
        try (HostDriver driver = new HostDriver(HostDriverSettings.from(Map.of("isolation", "none")))) {
            none = millisPerStep(driver, steps);
        }
        double namespace;
        try (HostDriver driver = NamespaceDrivers.create()) {
            namespace = millisPerStep(driver, steps);
        }
        System.out.printf("%d sequential steps: bare process %.1f ms, isolation=none %.1f ms, "
                + "isolation=namespace %.1f ms per step%n", steps, bare, none, namespace);
        assertThat(namespace - none).as("namespace overhead per step, ms").isLessThan(20 * bare);
    }

    private double millisPerStep(HostDriver driver, int steps) throws Exception {
        millisPerStepOnce(driver, 5);
        return millisPerStepOnce(driver, steps);
    }

    private double millisPerStepOnce(HostDriver driver, int steps) throws Exception {
        long begin = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            RecordingListener listener = new RecordingListener();
            driver.start(Launches.in(work).command("true").output("out", "/mnt/out/x").build(), listener);
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
