package dev.baton.engine.runtime;

import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.core.ResolvedStep;
import dev.baton.engine.core.StoredValue;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.engine.runtime.artifact.GitCheckout;
import dev.baton.engine.runtime.artifact.repository.RepositoryTransfers;
import dev.baton.engine.runtime.value.CommandLineLimits;
import dev.baton.engine.runtime.value.ExpandedText;
import dev.baton.model.spec.ArtifactLocation;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ContainerSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.StepLaunch;
import dev.baton.spi.file.ContainedPath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a resolved leaf step into a driver launch: the command, environment and script, the input
 * artifacts made into files at their declared paths, and the output paths to collect.
 */
public final class StepPreparation {
    static final String PARAMETER = "parameter:";
    static final String ARTIFACT = "artifact:";
    private static final String SCRIPT_FILE = "script-source";
    private static final String PARAMETER_FILES = "parameters";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final WorkLayout layout;
    private final ArtifactFiles artifacts;
    private final ExpandedText values;

    public StepPreparation(Path workRoot, ArtifactFiles artifacts) {
        this.layout = new WorkLayout(workRoot);
        this.artifacts = artifacts;
        this.values = new ExpandedText(artifacts.store());
    }

    /** A launch ready for the driver, or why the step cannot start; {@code run} is the run it belongs to. */
    public record Prepared(StepLaunch launch, Path workArea, String failure, RunKey run) {
        static Prepared failed(String failure, RunKey run) {
            return new Prepared(null, null, failure, run);
        }
    }

    /** @param id the attempt, whose {@code run} is the run's uid */
    public Prepared prepare(RunKey run, AttemptId id, ResolvedStep step) throws IOException {
        return build(run, id, step, true);
    }

    /** The launch of an attempt that already ran or runs (after a restart): nothing is placed on disk. */
    public Prepared describe(RunKey run, AttemptId id, ResolvedStep step) throws IOException {
        return build(run, id, step, false);
    }

    private Prepared build(RunKey run, AttemptId id, ResolvedStep step, boolean placeInputs) throws IOException {
        TemplateSpec template = step.template();
        ContainerSpec container;
        String script = null;
        switch (template.kind()) {
            case TemplateKind.Container c -> container = c.container();
            case TemplateKind.Script s -> {
                container = s.container();
                script = s.source() == null || s.source().isEmpty() ? null : s.source();
            }
            case null, default -> {
                return Prepared.failed("the host driver cannot run this template kind", run);
            }
        }
        if (container == null) {
            return Prepared.failed("template '" + template.name() + "' has no container", run);
        }
        if (placeInputs && artifacts.repository().unavailable() != null) {
            return Prepared.failed(artifacts.repository().unavailable(), run);
        }
        Path workArea = layout.attemptDirectory(run.namespace(), run.uid(), id.node(), id.attempt());
        List<StepLaunch.InputFile> inputs = new ArrayList<>();
        if (placeInputs) {
            Files.createDirectories(workArea);
            for (ArtifactSpec input : template.inputsOrEmpty().artifactsOrEmpty()) {
                String failure = placeInput(input, step.inputArtifacts().get(input.name()), workArea, inputs);
                if (failure != null) {
                    WorkAreas.delete(workArea);
                    return Prepared.failed(failure, run);
                }
            }
        }
        List<StepLaunch.OutputPath> outputs = new ArrayList<>();
        for (ParameterSpec p : template.outputsOrEmpty().parametersOrEmpty()) {
            if (p.valueFrom() != null && p.valueFrom().path() != null) {
                outputs.add(new StepLaunch.OutputPath(PARAMETER + p.name(), p.valueFrom().path()));
            }
        }
        for (ArtifactSpec a : template.outputsOrEmpty().artifactsOrEmpty()) {
            if (a.path() != null) {
                outputs.add(new StepLaunch.OutputPath(ARTIFACT + a.name(), a.path()));
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (ContainerSpec.EnvVar var : container.envOrEmpty()) {
            if (var.value() != null) {
                env.put(var.name(), var.value());
            } else if (var.valueFrom() == null) {
                env.put(var.name(), "");
            }
        }
        String tooLong = CommandLineLimits.check(template.name(), container.commandOrEmpty(), container.argsOrEmpty(),
                env, step.inputParameters());
        if (tooLong != null) {
            if (placeInputs) {
                WorkAreas.delete(workArea);
            }
            return Prepared.failed(tooLong, run);
        }
        // A script holding a large value is written out from the artifact store, never built in memory.
        Path scriptFile = StoredValue.occursIn(script)
                ? writeValues(script, workArea.resolve(SCRIPT_FILE), placeInputs) : null;
        StepLaunch launch = new StepLaunch(id, step.nodeName(), container.image(), container.commandOrEmpty(),
                container.argsOrEmpty(), env, container.workingDir(), scriptFile == null ? script : null, inputs,
                outputs, step.deadline(), workArea, scriptFile, parameterFiles(step, workArea, placeInputs));
        return new Prepared(launch, workArea, null, run);
    }

    /** One file per input parameter holding its value, which the driver shows the step. */
    private Map<String, Path> parameterFiles(ResolvedStep step, Path workArea, boolean write) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : step.inputParameters().entrySet()) {
            if (p.getValue() != null && FILE_NAME.matcher(p.getKey()).matches()) {
                Path file = ContainedPath.resolve(workArea, PARAMETER_FILES, p.getKey());
                files.put(p.getKey(), writeValues(p.getValue(), file, write));
            }
        }
        return files;
    }

    private Path writeValues(String text, Path file, boolean write) throws IOException {
        if (write) {
            values.write(text, file);
        }
        return file;
    }

    /** Makes one input artifact a file; returns why it cannot, or null. */
    private String placeInput(ArtifactSpec input, ArtifactRef ref, Path workArea, List<StepLaunch.InputFile> inputs)
            throws IOException {
        if (input.path() == null) {
            return null;
        }
        Path staged = ContainedPath.resolve(workArea, "inputs", input.name());
        Files.createDirectories(staged.getParent());
        if (ref != null) {
            inputs.add(new StepLaunch.InputFile(artifacts.materialise(ref, staged, input.mode(), input.subPath()),
                    input.path(), null));
            return null;
        }
        switch (input.location()) {
            case ArtifactLocation.Raw raw -> {
                Files.writeString(staged, raw.data() == null ? "" : raw.data(), StandardCharsets.UTF_8);
                inputs.add(new StepLaunch.InputFile(staged, input.path(), input.mode()));
                return null;
            }
            case ArtifactLocation.Http http -> {
                if (http.url() == null || http.url().isBlank()) {
                    return input.isOptional() ? null : "input artifact '" + input.name() + "' has an empty URL";
                }
                String failure = artifacts.download(http, staged);
                if (failure != null) {
                    return input.isOptional() ? null : "input artifact '" + input.name() + "': " + failure;
                }
                inputs.add(new StepLaunch.InputFile(staged, input.path(), input.mode()));
                return null;
            }
            case ArtifactLocation.S3 s3 -> {
                switch (artifacts.repository().fetch(input, s3, staged)) {
                    case RepositoryTransfers.Fetched.Placed placed ->
                            inputs.add(new StepLaunch.InputFile(staged, input.path(), input.mode()));
                    case RepositoryTransfers.Fetched.Skipped skipped -> {
                    }
                    case RepositoryTransfers.Fetched.Failed failed -> {
                        return failed.message();
                    }
                }
                return null;
            }
            case ArtifactLocation.Git git -> {
                String failure = new GitCheckout().checkout(git, staged);
                if (failure != null) {
                    return input.isOptional() ? null : "input artifact '" + input.name() + "': " + failure;
                }
                inputs.add(new StepLaunch.InputFile(staged, input.path(), input.mode()));
                return null;
            }
            case null -> {
                return input.isOptional() ? null : "input artifact '" + input.name() + "' was not supplied";
            }
            default -> {
                return input.isOptional() ? null : "input artifact '" + input.name()
                        + "': this location kind is not supported yet";
            }
        }
    }

    /** Describes a failure to prepare a step without naming where the work areas are on this machine. */
    FailureText failureText() {
        return FailureText.under(layout.root());
    }
}
