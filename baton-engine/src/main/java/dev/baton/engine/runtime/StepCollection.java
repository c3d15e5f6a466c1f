package dev.baton.engine.runtime;

import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.core.ResolvedStep;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.spi.driver.StepOutcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what a driver observed into a report for the scheduler: result, parameter values, stored artifacts.
 * Collecting has no effect but reading the work area and storing content-addressed blobs, so collecting the
 * same attempt again (after a restart) gives the same report.
 */
public final class StepCollection {
    private final ArtifactFiles artifacts;
    private final boolean keepWorkAreas;

    public StepCollection(ArtifactFiles artifacts, boolean keepWorkAreas) {
        this.artifacts = artifacts;
        this.keepWorkAreas = keepWorkAreas;
    }

    public RunEvent.StepReport collect(ResolvedStep step, StepPreparation.Prepared prepared, StepOutcome outcome) {
        try {
            return switch (outcome) {
                case StepOutcome.Failed failed -> RunEvent.StepReport.failed(failed.message());
                case StepOutcome.Cancelled cancelled -> new RunEvent.StepReport(null, read(cancelled.stdout()),
                        Map.of(), Map.of(), null, false, true, keepLogs(step, cancelled.stdout(), cancelled.stderr()));
                case StepOutcome.Exited exited -> exited(step, exited)
                        .withLogs(keepLogs(step, exited.stdout(), exited.stderr()));
            };
        } catch (IOException | RuntimeException e) {
            return RunEvent.StepReport.failed("failed to collect outputs: " + StepPreparation.describe(e));
        }
    }

    /**
     * Removes the attempt's work area (unless work areas are kept). Called once the step's report is recorded:
     * until then the work area is what lets a restarted engine collect the step again instead of running it.
     */
    public void release(StepPreparation.Prepared prepared) {
        if (!keepWorkAreas && prepared.workArea() != null) {
            WorkAreas.delete(prepared.workArea());
        }
    }

    private RunEvent.StepReport exited(ResolvedStep step, StepOutcome.Exited exited) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (ParameterSpec p : step.template().outputsOrEmpty().parametersOrEmpty()) {
            Path file = exited.collected().get(StepPreparation.PARAMETER + p.name());
            if (file != null && Files.isRegularFile(file)) {
                parameters.put(p.name(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Map<String, ArtifactRef> stored = new LinkedHashMap<>();
        String failure = null;
        for (ArtifactSpec a : step.template().outputsOrEmpty().artifactsOrEmpty()) {
            if (a.path() == null) {
                continue;
            }
            Path file = exited.collected().get(StepPreparation.ARTIFACT + a.name());
            if (file == null || !Files.exists(file)) {
                if (!a.isOptional() && exited.exitCode() == 0 && failure == null) {
                    failure = "failed to save output artifact '" + a.name() + "': " + a.path()
                            + ": no such file or directory";
                }
                continue;
            }
            String key = step.podName() + "/" + a.name() + ".tgz";
            stored.put(a.name(), artifacts.store(file, key));
        }
        return new RunEvent.StepReport(exited.exitCode(), read(exited.stdout()), parameters, stored, failure,
                exited.deadlineExceeded(), false, Map.of());
    }

    /** Keeps the step's output streams in the artifact store so they outlive its work area ({@code baton logs}). */
    private Map<String, ArtifactRef> keepLogs(ResolvedStep step, Path stdout, Path stderr) throws IOException {
        Map<String, ArtifactRef> logs = new LinkedHashMap<>();
        if (stdout != null && Files.exists(stdout)) {
            logs.put("stdout", artifacts.store(stdout, step.podName() + "/main.log"));
        }
        if (stderr != null && Files.exists(stderr)) {
            logs.put("stderr", artifacts.store(stderr, step.podName() + "/main.err"));
        }
        return logs;
    }

    private static String read(Path file) throws IOException {
        return file == null || !Files.exists(file) ? null : Files.readString(file, StandardCharsets.UTF_8);
    }
}
