package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Finds step processes left behind, by a unique sleep duration that marks them. */
final class Orphans {
    private Orphans() {
    }

    /** A sleep duration unlikely to be used by anything else (about 1000 seconds). */
    static String marker() {
        return "1000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    static int count(String marker) throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "^sleep " + marker.replace(".", "\\.") + "$").start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        pgrep.waitFor();
        return out.isEmpty() ? 0 : out.split("\\s+").length;
    }

    static void awaitRunning(String marker, int expected) throws Exception {
        for (int i = 0; i < 200 && count(marker) < expected; i++) {
            Thread.sleep(50);
        }
        assertThat(count(marker)).isEqualTo(expected);
    }

    static void assertNoneLeft(String marker) throws Exception {
        for (int i = 0; i < 100 && count(marker) > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(count(marker)).as("processes left running with marker " + marker).isZero();
    }
}
