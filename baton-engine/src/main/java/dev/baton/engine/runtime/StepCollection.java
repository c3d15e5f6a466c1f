package dev.baton.engine.runtime;

import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.core.ResolvedStep;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.engine.runtime.value.CollectedValues;
import dev.baton.engine.runtime.value.ValueLimits;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.spi.driver.StepOutcome;
import dev.baton.spi.file.ContainedPath;

import java.io.IOException;
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
    private final CollectedValues values;

    public StepCollection(ArtifactFiles artifacts, boolean keepWorkAreas) {
        this(artifacts, keepWorkAreas, ValueLimits.defaults());
    }

    /** @param limits which values stay inline, which go to the artifact store, and which are refused */
    public StepCollection(ArtifactFiles artifacts, boolean keepWorkAreas, ValueLimits limits) {
        this.artifacts = artifacts;
        this.keepWorkAreas = keepWorkAreas;
        this.values = new CollectedValues(artifacts.store(), limits);
    }

    public RunEvent.StepReport collect(ResolvedStep step, StepPreparation.Prepared prepared, StepOutcome outcome) {
        try {
            return switch (outcome) {
                case StepOutcome.Failed failed -> RunEvent.StepReport.failed(failed.message());
                case StepOutcome.Cancelled cancelled -> new RunEvent.StepReport(null, cancelledResult(cancelled),
                        Map.of(), Map.of(), null, false, true, keepLogs(step, cancelled.stdout(), cancelled.stderr()));
                case StepOutcome.Exited exited -> exited(step, prepared, exited)
                        .withLogs(keepLogs(step, exited.stdout(), exited.stderr()));
            };
        } catch (IOException | RuntimeException e) {
            return RunEvent.StepReport.failed("failed to collect outputs: " + failureText(step, prepared, outcome)
                    .describe(e));
        }
    }

    /** Shows each collected file as the path the template declared, and the rest of the work area as such. */
    private static FailureText failureText(ResolvedStep step, StepPreparation.Prepared prepared,
                                           StepOutcome outcome) {
        FailureText text = prepared.workArea() == null ? new FailureText(Map.of())
                : FailureText.under(prepared.workArea());
        if (outcome instanceof StepOutcome.Exited exited) {
            for (ParameterSpec p : step.template().outputsOrEmpty().parametersOrEmpty()) {
                Path file = exited.collected().get(StepPreparation.PARAMETER + p.name());
                if (file != null && p.valueFrom() != null && p.valueFrom().path() != null) {
                    text = text.showing(file, p.valueFrom().path());
                }
            }
            for (ArtifactSpec a : step.template().outputsOrEmpty().artifactsOrEmpty()) {
                Path file = exited.collected().get(StepPreparation.ARTIFACT + a.name());
                if (file != null && a.path() != null) {
                    text = text.showing(file, a.path());
                }
            }
            if (exited.stdout() != null) {
                text = text.showing(exited.stdout(), "the step's standard output");
            }
        }
        return text;
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

    private RunEvent.StepReport exited(ResolvedStep step, StepPreparation.Prepared prepared, StepOutcome.Exited exited)
            throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String failure = null;
        for (ParameterSpec p : step.template().outputsOrEmpty().parametersOrEmpty()) {
            Path file = exited.collected().get(StepPreparation.PARAMETER + p.name());
            if (file != null && linksLeave(prepared, file)) {
                failure = failure == null ? linkedOutside("output parameter '" + p.name() + "'", p.valueFrom().path())
                        : failure;
                continue;
            }
            if (file != null && Files.isRegularFile(file)) {
                switch (values.read(file, "output parameter '" + p.name() + "'")) {
                    case CollectedValues.Collected.Value value -> parameters.put(p.name(), value.text());
                    case CollectedValues.Collected.TooLarge tooLarge -> failure = failure == null
                            ? tooLarge.message() : failure;
                }
            }
        }
        String result = null;
        if (exited.stdout() != null && Files.exists(exited.stdout())) {
            switch (values.read(exited.stdout(), "the result (standard output)")) {
                case CollectedValues.Collected.Value value -> result = value.text();
                case CollectedValues.Collected.TooLarge tooLarge -> failure = failure == null
                        ? tooLarge.message() : failure;
            }
        }
        Map<String, ArtifactRef> stored = new LinkedHashMap<>();
        for (ArtifactSpec a : step.template().outputsOrEmpty().artifactsOrEmpty()) {
            if (a.path() == null) {
                continue;
            }
            Path file = exited.collected().get(StepPreparation.ARTIFACT + a.name());
            if (file != null && linksLeave(prepared, file)) {
                failure = failure == null ? linkedOutside("output artifact '" + a.name() + "'", a.path()) : failure;
                continue;
            }
            if (file == null || !Files.exists(file)) {
                if (!a.isOptional() && exited.exitCode() == 0 && failure == null) {
                    failure = "failed to save output artifact '" + a.name() + "': " + a.path()
                            + ": no such file or directory";
                }
                continue;
            }
            String key = step.podName() + "/" + a.name() + ".tgz";
            ArtifactRef ref = artifacts.store(file, key);
            Map<String, String> variables = new LinkedHashMap<>(prepared.run().keyVariables());
            variables.put("pod.name", step.podName());
            String exported = artifacts.repository().export(a, ref, file, variables,
                    prepared.workArea().resolve("export"));
            stored.put(a.name(), exported == null ? ref
                    : new ArtifactRef(ref.digest(), ref.size(), ref.directory(), exported));
        }
        return new RunEvent.StepReport(exited.exitCode(), result, parameters, stored, failure,
                exited.deadlineExceeded(), false, Map.of());
    }

    /** A step's own files may link among themselves, never to the engine's or the host's files. */
    private static boolean linksLeave(StepPreparation.Prepared prepared, Path file) throws IOException {
        return prepared.workArea() != null && ContainedPath.linksLeave(prepared.workArea(), file);
    }

    private static String linkedOutside(String what, String declaredPath) {
        return "failed to save " + what + ": " + declaredPath + " is a symbolic link to a file outside the step;"
                + " Baton does not follow it";
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

    /** What a cancelled step printed, when it fits the limits (a cancelled step has no failure to report). */
    private String cancelledResult(StepOutcome.Cancelled cancelled) throws IOException {
        if (cancelled.stdout() == null || !Files.exists(cancelled.stdout())) {
            return null;
        }
        return values.read(cancelled.stdout(), "the result (standard output)")
                instanceof CollectedValues.Collected.Value value ? value.text() : null;
    }
}
