package dev.baton.driver.process;

import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A separate JVM for tests: starts one step through a namespace host driver, waits until the step's init
 * recorded itself, then halts at once, as an engine killed with SIGKILL would.
 *
 * <p>Arguments: the work area, the shell command, then {@code KEY=PATH} outputs. Exits 3 when steps are
 * not forked by the fork server on this host.
 */
final class EngineThatDies {
    static final int NO_FORK_SERVER = 3;

    private EngineThatDies() {
    }

    public static void main(String[] args) throws Exception {
        Path workArea = Path.of(args[0]);
        List<StepLaunch.OutputPath> outputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] output = args[i].split("=", 2);
            outputs.add(new StepLaunch.OutputPath(output[0], output[1]));
        }
        HostDriver driver = new HostDriver(HostDriverSettings.from(Map.of(HostDriverSettings.ISOLATION, "namespace")));
        if (!driver.forksSteps()) {
            Runtime.getRuntime().halt(NO_FORK_SERVER);
        }
        StepLaunch launch = new StepLaunch(new AttemptId("run", "node", 0), "node", "alpine:3.20",
                List.of("sh", "-c"), List.of(args[1]), Map.of(), null, null, List.of(), outputs, null, workArea);
        driver.start(launch, new StepListener() {
            @Override
            public void started(AttemptId attempt) {
            }

            @Override
            public void finished(AttemptId attempt, StepOutcome outcome) {
            }
        });
        for (int i = 0; i < 3000 && !Files.exists(workArea.resolve(AttemptFiles.INIT)); i++) {
            Thread.sleep(10);
        }
        Runtime.getRuntime().halt(0);
    }
}
