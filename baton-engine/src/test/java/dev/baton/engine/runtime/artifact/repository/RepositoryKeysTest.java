package dev.baton.engine.runtime.artifact.repository;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryKeysTest {
    private static final Map<String, String> VARIABLES = Map.of("workflow.name", "wf-abc", "pod.name",
            "wf-abc-gen-123");

    @Test
    void defaultKeyFormatIsWorkflowThenPod() {
        String rendered = RepositoryKeys.render(null, VARIABLES);
        assertThat(RepositoryKeys.outputKey(rendered, "out", ".tgz")).isEqualTo("wf-abc/wf-abc-gen-123/out.tgz");
    }

    @Test
    void customKeyFormatIsRenderedWithSpacesInTags() {
        String rendered = RepositoryKeys.render("team/{{ workflow.name }}/x/", VARIABLES);
        assertThat(RepositoryKeys.outputKey(rendered, "out", ".zip")).isEqualTo("team/wf-abc/x/out.zip");
        assertThat(RepositoryKeys.outputKey("", "out", "")).isEqualTo("out");
    }

    @Test
    void unknownVariableIsNamed() {
        assertThatThrownBy(() -> RepositoryKeys.render("{{workflow.creationTimestamp.Y}}/{{pod.name}}", VARIABLES))
                .hasMessageContaining("unknown variable '{{workflow.creationTimestamp.Y}}'")
                .hasMessageContaining("pod.name, workflow.name");
    }

    @Test
    void hostileKeysAreRefusedWithTheReason() {
        assertThat(RepositoryKeys.problem("../etc/passwd")).contains("'..'");
        assertThat(RepositoryKeys.problem("a/../../b")).contains("'..'");
        assertThat(RepositoryKeys.problem("/etc/passwd")).contains("relative");
        assertThat(RepositoryKeys.problem("a//b")).contains("empty segment");
        assertThat(RepositoryKeys.problem("a/./b")).contains("'.'");
        assertThat(RepositoryKeys.problem("a\\b")).contains("backslash");
        assertThat(RepositoryKeys.problem("a\nb")).contains("control");
        assertThat(RepositoryKeys.problem("")).contains("empty");
        assertThat(RepositoryKeys.problem("sha256/ab/cdef")).contains("keeps for itself");
        assertThat(RepositoryKeys.problem(".staging/x")).contains("keeps for itself");
    }

    @Test
    void ordinaryKeysAndDirectoryKeysPass() {
        assertThat(RepositoryKeys.problem("wf/pod/out.tgz")).isNull();
        assertThat(RepositoryKeys.problem("my-dir/")).isNull();
        assertThat(RepositoryKeys.isDirectory("my-dir/")).isTrue();
        assertThat(RepositoryKeys.problem("a..b/c")).isNull();
    }
}
