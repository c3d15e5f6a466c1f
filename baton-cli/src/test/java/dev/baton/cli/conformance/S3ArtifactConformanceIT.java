package dev.baton.cli.conformance;

import dev.baton.artifact.s3.S3ArtifactStoreProvider;
import dev.baton.spi.artifact.ArtifactStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The artifact conformance files again, with an S3-compatible server (S3Proxy) as the artifact repository. */
class S3ArtifactConformanceIT {
    private static final Map<String, String> S3 = Map.of("BATON_ARTIFACT_STORE", "s3");

    @TempDir
    Path home;

    @BeforeAll
    static void needsS3() {
        if (System.getenv("BATON_S3_ENDPOINT") == null) {
            String reason = "S3 endpoint not configured (set BATON_S3_ENDPOINT or run .ci/s3proxy.sh)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    private RunResult run(String file, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", Conformance.file(file).toString(), "-o", "json"));
        args.addAll(List.of(extra));
        BatonProcess.Outcome outcome = BatonProcess.run(home, S3, 300, args.toArray(String[]::new));
        RunResult result = outcome.result();
        assertThat(result.phase()).as("%s: %s", file, outcome.stderr()).isEqualTo("Succeeded");
        return result;
    }

    private static String blobText(String digest) throws Exception {
        try (ArtifactStore store = new S3ArtifactStoreProvider().create(Map.of());
             InputStream in = store.open(digest)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void artifactPassing() throws Exception {
        assertThat(run("artifact-passing.yaml").node("consume-artifact").stdout()).isEqualTo("hello world");
    }

    @Test
    void inputArtifactRaw() throws Exception {
        assertThat(run("input-artifact-raw.yaml").root().stdout()).isEqualTo("this is\nthe raw file\ncontents");
    }

    @Test
    void artifactPathPlaceholders() throws Exception {
        RunResult r = run("artifact-path-placeholders.yaml");
        assertThat(r.root().outputParameter("actual-lines-count")).isEqualTo("3");
        assertThat(blobText(r.root().outputArtifactDigest("text"))).isEqualTo("1\n2\n3\n");
    }

    @Test
    void conditionalArtifacts() throws Exception {
        RunResult r = run("conditional-artifacts.yaml");
        assertThat(blobText(r.root().outputArtifactDigest("result"))).isEqualTo("it was " + r.node("flip-coin").stdout());
    }

    @Test
    void nestedWorkflow() throws Exception {
        RunResult r = run("nested-workflow.yaml");
        assertThat(r.node("nested-wf").outputParameter("nested-out-parameter")).isEqualTo("my-output-parameter");
    }

    @Test
    void globalOutputs() throws Exception {
        RunResult r = run("global-outputs.yaml");
        assertThat(r.outputParameter("my-global-param")).isEqualTo("hello world");
        assertThat(r.nodes(n -> n.displayName().equals("consume-global-art")))
                .hasSize(2).allSatisfy(n -> assertThat(n.stdout()).isEqualTo("hello world"));
    }
}
