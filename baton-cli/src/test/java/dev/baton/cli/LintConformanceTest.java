package dev.baton.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LintConformanceTest {
    private static Path conformance() {
        Path root = Path.of("..", "..", "shared", "conformance", "argo").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String reason = "conformance examples not found at " + root;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason);
            }
            System.out.println("skipped: " + reason);
            Assumptions.abort(reason);
        }
        return root;
    }

    @Test
    void aWorkflowAndTheLibraryItUsesLintCleanTogether() {
        Path root = conformance();

        LintOutput output = LintOutput.run(root.resolve("workflow-template/templates.yaml").toString(),
                root.resolve("workflow-template/hello-world.yaml").toString());

        assertThat(output.stdout()).isEmpty();
        assertThat(output.exitCode()).isZero();
    }

    @Test
    void aWorkflowWithoutItsLibraryNamesTheMissingTemplate() {
        Path root = conformance();
        String file = root.resolve("workflow-template/hello-world.yaml").toString();

        LintOutput output = LintOutput.run(file);

        assertThat(output.exitCode()).isEqualTo(Baton.EXIT_INVALID);
        assertThat(output.stdout()).contains(file + ":").contains(
                "templateRef.name: unknown WorkflowTemplate 'workflow-template-print-message'");
    }
}
