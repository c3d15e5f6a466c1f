package dev.baton.template.yaml;

import dev.baton.model.spec.Manifest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestWriterTest {
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: w-}
            spec:
              entrypoint: main
              arguments:
                parameters:
                - {name: n, value: 1}
                - {name: flag, value: yes}
              templates:
              - name: main
                parallelism: 2
                container: {image: busybox, args: []}
            """;

    private static Manifest manifest() {
        return new ManifestReader().read("w.yaml", WORKFLOW).documents().getFirst().manifest();
    }

    @Test
    void yamlKeepsStringsThatLookLikeNumbersOrBooleansAsStrings() {
        String yaml = ManifestWriter.toYaml(manifest());

        assertThat(yaml).contains("value: \"1\"").contains("value: \"yes\"").contains("parallelism: 2")
                .contains("args: []").doesNotContain("status").doesNotContain("null");
        assertThat(new ManifestReader().read("again.yaml", yaml).documents().getFirst().manifest())
                .isEqualTo(manifest());
    }

    @Test
    void jsonUsesArgoKeys() {
        String json = ManifestWriter.toJson(manifest());

        assertThat(json).contains("\"generateName\" : \"w-\"").contains("\"value\" : \"1\"")
                .contains("\"parallelism\" : 2").contains("\"container\" : {");
    }
}
