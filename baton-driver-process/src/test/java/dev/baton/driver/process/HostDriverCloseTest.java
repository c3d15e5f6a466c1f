package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.driver.StepOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDriverCloseTest {
    @TempDir
    Path work;

    @Test
    void closeKillsEveryNamespacedStepAndWhatItStarted() throws Exception {
        String marker = Orphans.marker();
        HostDriver driver = NamespaceDrivers.create();
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        driver.start(Launches.in(work).sh("sleep " + marker + " & sleep " + marker).build(), first);
        driver.start(Launches.in(work).sh("setsid sleep " + marker + " & sleep " + marker).build(), second);
        Orphans.awaitRunning(marker, 4);

        driver.close();

        assertThat(first.await()).isInstanceOf(StepOutcome.Cancelled.class);
        assertThat(second.await()).isInstanceOf(StepOutcome.Cancelled.class);
        Orphans.assertNoneLeft(marker);
    }

    @Test
    void startAfterCloseFails() throws Exception {
        HostDriver driver = NamespaceDrivers.create();
        driver.close();
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).sh("true").build(), listener);

        assertThat(listener.await()).isEqualTo(new StepOutcome.Failed("the host driver is closed"));
    }
}
