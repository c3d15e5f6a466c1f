package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.driver.StepOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BubblewrapHostDriverTest extends SandboxedHostDriverTests {
    private Path bwrap;

    @Override
    HostDriver createDriver() {
        try {
            HostDriver driver = new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION, "bwrap",
                    HostDriverSettings.KILL_GRACE, "1s")));
            bwrap = ExecutableSearch.ofHost().find("bwrap").orElseThrow();
            return driver;
        } catch (IllegalStateException e) {
            System.out.println("skipping bubblewrap tests: " + e.getMessage());
            Assumptions.abort("bubblewrap unavailable: " + e.getMessage());
            throw e;
        }
    }

    @Override
    Isolation expectedIsolation() {
        return Isolation.BUBBLEWRAP;
    }

    @Override
    boolean privatisesHostDirectories() {
        try {
            return BubblewrapLauncher.supportsOverlays(bwrap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void withoutOverlaysAnExistingHostDirectoryCannotBeDeclared() throws Exception {
        Assumptions.assumeFalse(privatisesHostDirectories(), "this bubblewrap mounts overlays");
        RecordingListener listener = new RecordingListener();
        try (HostDriver driver = createDriver()) {
            driver.start(Launches.in(work).sh("true").output("x", "/mnt/out/x").build(), listener);

            assertThat(listener.await()).isInstanceOf(StepOutcome.Failed.class).extracting(Object::toString)
                    .asString().contains("/mnt need an overlay");
        }
    }
}
