package dev.baton.engine.runtime;

import dev.baton.engine.core.ResolvedStep;
import dev.baton.engine.core.RunEvent;
import dev.baton.engine.runtime.artifact.ArtifactFiles;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.driver.StepOutcome;
import dev.baton.template.yaml.ManifestReader;
import dev.baton.testkit.artifact.InMemoryArtifactStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that makes its declared output a symbolic link to a file it should not reach (the engine's database, the
 * host's secrets) gets nothing from it: collecting follows links only while they stay among the step's own files.
 */
class StepCollectionLinksTest {
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: w}
            spec:
              entrypoint: main
              templates:
              - name: main
                outputs:
                  parameters: [{name: p, valueFrom: {path: /tmp/out}}]
                  artifacts: [{name: a, path: /tmp/art}]
                container: {image: busybox}
            """;

    @TempDir
    Path temp;
    Path area;
    Path secret;
    StepCollection collection;

    @BeforeEach
    void layOut() throws IOException {
        area = Files.createDirectories(temp.resolve("home/work/ns/uid/node-0"));
        secret = Files.writeString(temp.resolve("home/baton.db"), "the engine's secret");
        collection = new StepCollection(new ArtifactFiles(new InMemoryArtifactStore()), true);
    }

    @Test
    void anOutputLinkedOutsideTheStepIsRefusedAndNotRead() throws IOException {
        Path out = Files.createSymbolicLink(Files.createDirectories(area.resolve("tmp")).resolve("out"), secret);
        Path art = Files.createSymbolicLink(area.resolve("tmp/art"), secret);

        RunEvent.StepReport report = collect(Map.of("parameter:p", out, "artifact:a", art));

        assertThat(report.parameters()).doesNotContainKey("p");
        assertThat(report.parameters().values()).noneMatch(v -> v.contains("secret"));
        assertThat(report.artifacts()).doesNotContainKey("a");
        assertThat(report.failure()).isEqualTo("failed to save output parameter 'p': /tmp/out is a symbolic link to"
                + " a file outside the step; Baton does not follow it");
    }

    @Test
    void anOutputLinkedToAnotherFileOfTheStepIsRead() throws IOException {
        Path tmp = Files.createDirectories(area.resolve("tmp"));
        Files.writeString(tmp.resolve("data.txt"), "mine");
        Path out = Files.createSymbolicLink(tmp.resolve("out"), Path.of("data.txt"));
        Path art = Files.createSymbolicLink(tmp.resolve("art"), tmp.resolve("data.txt"));

        RunEvent.StepReport report = collect(Map.of("parameter:p", out, "artifact:a", art));

        assertThat(report.failure()).isNull();
        assertThat(report.parameters()).containsEntry("p", "mine");
        assertThat(report.artifacts()).containsKey("a");
    }

    private RunEvent.StepReport collect(Map<String, Path> collected) {
        Workflow wf = (Workflow) new ManifestReader().read("w.yaml", WORKFLOW).documents().getFirst().manifest();
        TemplateSpec main = wf.spec().templates().getFirst();
        ResolvedStep step = new ResolvedStep("w", "w", main, Map.of(), null);
        StepPreparation.Prepared prepared = new StepPreparation.Prepared(null, area, null,
                new RunKey("ns", "w", "uid"));
        return collection.collect(step, prepared, new StepOutcome.Exited(0, null, null, collected, false));
    }
}
