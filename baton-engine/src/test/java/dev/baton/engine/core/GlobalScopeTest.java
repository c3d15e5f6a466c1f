package dev.baton.engine.core;

import dev.baton.model.spec.Workflow;
import dev.baton.template.yaml.ManifestReader;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalScopeTest {
    private static Workflow workflow(String annotations) {
        return (Workflow) new ManifestReader().read("w.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: nightly-1767225600
                  annotations: %s
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: alpine, command: [echo, hi]}
                """.formatted(annotations)).documents().getFirst().manifest();
    }

    private static RunContext context(Workflow w) {
        return RunContexts.of(w, TemplateLibrary.EMPTY, Instant.parse("2026-01-01T00:00:03Z"), "abcde", "uid-1");
    }

    @Test
    void aCronRunsScheduledTimeIsItsScheduledTimeAnnotation() {
        Workflow run = workflow("{workflows.argoproj.io/scheduled-time: \"2026-01-01T00:00:00Z\"}");

        assertThat(GlobalScope.of(context(run)).get("workflow.scheduledTime")).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void aRunNotStartedByACronHasNoScheduledTime() {
        assertThat(GlobalScope.of(context(workflow("{}"))).names()).doesNotContain("workflow.scheduledTime");
    }
}
