package dev.baton.model.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Kubernetes' and Argo's name rules: what passes, what is refused, and how the refusal reads. */
class ObjectNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hello", "hello-world", "a", "0", "my.workflow.v2", "x-1.y-2"})
    void namesKubernetesAcceptsPass(String name) {
        assertThat(ObjectNames.nameProblem(name, ObjectNames.ARGO_OBJECT_MAX)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../escape", "..", ".", "a/b", "UPPER_case", "Hello", "-a", "a-", "a..b", ".a",
            "a_b", "a b", "a\u0000b", "a\nb", "", "caf\u00e9"})
    void namesKubernetesRefusesFail(String name) {
        assertThat(ObjectNames.nameProblem(name, ObjectNames.ARGO_OBJECT_MAX)).isPresent();
    }

    @Test
    void argoLimitsWorkflowNamesTo63AndCronNamesTo52() {
        assertThat(ObjectNames.nameProblem("a".repeat(63), ObjectNames.ARGO_OBJECT_MAX)).isEmpty();
        assertThat(ObjectNames.nameProblem("a".repeat(64), ObjectNames.ARGO_OBJECT_MAX)).hasValueSatisfying(
                problem -> assertThat(problem).contains("must not be more than 63 characters long (currently 64)"));
        assertThat(ObjectNames.nameProblem("a".repeat(53), ObjectNames.ARGO_CRON_MAX)).hasValueSatisfying(
                problem -> assertThat(problem).contains("52"));
        assertThat(ObjectNames.nameProblem("a".repeat(254), ObjectNames.SUBDOMAIN_MAX)).isPresent();
    }

    @Test
    void generateNameMayEndWithADashButFollowsTheNameRulesOtherwise() {
        assertThat(ObjectNames.generateNameProblem("hello-")).isEmpty();
        assertThat(ObjectNames.generateNameProblem("hello")).isEmpty();
        assertThat(ObjectNames.generateNameProblem("../x-")).hasValueSatisfying(
                problem -> assertThat(problem).contains("'../x-'"));
        assertThat(ObjectNames.generateNameProblem("Hello-")).isPresent();
        assertThat(ObjectNames.generateNameProblem("a/b-")).isPresent();
    }

    @Test
    void aGeneratedNameCutsItsPrefixAt58CharactersAsKubernetesDoes() {
        String name = ObjectNames.generated("p".repeat(100) + "-", "abcde");

        assertThat(name).isEqualTo("p".repeat(58) + "abcde");
        assertThat(ObjectNames.nameProblem(name, ObjectNames.ARGO_OBJECT_MAX)).isEmpty();
        assertThat(ObjectNames.generated("hello-", "abcde")).isEqualTo("hello-abcde");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a.b", "A", "team_a", "-a", "a-", "", "*", "a/b"})
    void namespacesAreDnsLabels(String namespace) {
        assertThat(ObjectNames.namespaceProblem(namespace)).isPresent();
    }

    @Test
    void namespacesUpTo63LowercaseCharactersPass() {
        assertThat(ObjectNames.namespaceProblem("team-a")).isEmpty();
        assertThat(ObjectNames.namespaceProblem("a".repeat(63))).isEmpty();
        assertThat(ObjectNames.namespaceProblem("a".repeat(64))).isPresent();
    }

    @Test
    void labelKeysAndValuesFollowKubernetes() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", "Hello_World.v1");
        labels.put("example.com/team", "");
        labels.put("workflows.argoproj.io/completed", "true");
        labels.put("Bad Key", "x");
        labels.put("UPPER.example.com/x", "x");
        labels.put("/x", "x");
        labels.put("ok", "-starts-with-dash");
        labels.put("long", "v".repeat(64));
        labels.put("k".repeat(64), "x");

        assertThat(ObjectNames.labelProblems(labels).keySet()).containsExactly(
                "Bad Key", "UPPER.example.com/x", "/x", "ok", "long", "k".repeat(64));
    }

    @Test
    void messagesEscapeControlCharactersAndCutLongValues() {
        assertThat(ObjectNames.nameProblem("a\u0000b\nc", 63)).hasValueSatisfying(problem -> {
            assertThat(problem).contains("'a\\x00b\\nc'");
            assertThat(problem).doesNotContain("\n").doesNotContain("\u0000");
        });
        assertThat(ObjectNames.quoted("x".repeat(1000))).hasSizeLessThan(50).endsWith("…'");
    }
}
