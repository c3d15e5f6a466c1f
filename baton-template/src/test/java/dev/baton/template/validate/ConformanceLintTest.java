package dev.baton.template.validate;

import dev.baton.template.LoadResult;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;
import dev.baton.template.yaml.ConformanceFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceLintTest {
    static List<Path> conformanceFiles() {
        return ConformanceFiles.yamlFiles();
    }

    @ParameterizedTest
    @MethodSource("conformanceFiles")
    void everyArgoExampleIsClean(Path file) {
        List<Path> files = ConformanceFiles.needsLibrary(file) && !file.equals(ConformanceFiles.library())
                ? List.of(file, ConformanceFiles.library()) : List.of(file);
        LoadResult result = WorkflowFiles.load(files);
        assertThat(result.problems()).extracting(Problem::format).isEmpty();
        assertThat(result.documents()).isNotEmpty();
    }
}
