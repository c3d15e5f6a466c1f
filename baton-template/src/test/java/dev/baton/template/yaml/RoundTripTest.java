package dev.baton.template.yaml;

import dev.baton.model.spec.Manifest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {
    static List<Path> conformanceFiles() {
        return ConformanceFiles.yamlFiles();
    }

    @ParameterizedTest
    @MethodSource("conformanceFiles")
    void yamlRoundTripGivesAnEqualModel(Path file) {
        ManifestReadResult first = new ManifestReader().read(file);
        assertThat(first.problems()).isEmpty();
        assertThat(first.documents()).isNotEmpty();
        for (ManifestDocument document : first.documents()) {
            String yaml = ManifestWriter.toYaml(document.manifest());
            ManifestReadResult second = new ManifestReader().read("written.yaml", yaml);
            assertThat(second.problems()).as(yaml).isEmpty();
            Manifest again = second.documents().getFirst().manifest();
            assertThat(again).as(yaml).isEqualTo(document.manifest());
        }
    }

    @ParameterizedTest
    @MethodSource("conformanceFiles")
    void jsonRoundTripGivesAnEqualModel(Path file) {
        for (ManifestDocument document : new ManifestReader().read(file).documents()) {
            String json = ManifestWriter.toJson(document.manifest());
            ManifestReadResult second = new ManifestReader().read("written.json", json);
            assertThat(second.problems()).as(json).isEmpty();
            assertThat(second.documents().getFirst().manifest()).as(json).isEqualTo(document.manifest());
        }
    }

    @ParameterizedTest
    @MethodSource("conformanceFiles")
    void treeRoundTripGivesAnEqualModel(Path file) {
        for (ManifestDocument document : new ManifestReader().read(file).documents()) {
            Manifest manifest = document.manifest();
            Object tree = RecordTrees.toTree(manifest);
            assertThat(RecordTrees.fromTree(tree, manifest.getClass())).isEqualTo(manifest);
        }
    }
}
