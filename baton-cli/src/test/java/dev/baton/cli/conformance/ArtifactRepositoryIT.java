package dev.baton.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Argo's artifact repository view on the local default repository and on named ones: keys, keyFormat, refs. */
class ArtifactRepositoryIT {
    static final String KEY_ONLY = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: key-only-
            spec:
              entrypoint: main
              templates:
                - name: main
                  dag:
                    tasks:
                      - name: generate
                        template: generate
                      - name: consume
                        template: consume
                        dependencies: [generate]
                - name: generate
                  container:
                    image: bash
                    command: [sh, -c]
                    args: ["echo hello from generate > /mnt/file"]
                  outputs:
                    artifacts:
                      - name: file
                        path: /mnt/file
                        s3:
                          key: "{{workflow.name}}/my-file"
                - name: consume
                  container:
                    image: bash
                    command: [sh, -c]
                    args: ["cat /tmp/file"]
                  inputs:
                    artifacts:
                      - name: file
                        path: /tmp/file
                        s3:
                          key: "{{workflow.name}}/my-file"
            """;

    @TempDir
    Path home;

    private BatonProcess.Outcome run(String yaml, Map<String, String> env) throws Exception {
        Path file = Files.createTempFile(home, "wf", ".yaml");
        Files.writeString(file, yaml);
        return BatonProcess.run(home, env, 120, "run", file.toString(), "-o", "json");
    }

    @Test
    void keyOnlyOutputIsReadBackFromTheLocalDefaultRepository() throws Exception {
        BatonProcess.Outcome outcome = run(KEY_ONLY, Map.of());
        RunResult r = outcome.result();
        assertThat(r.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        assertThat(r.node("consume").stdout()).isEqualTo("hello from generate");
        Path object = home.resolve("repository").resolve(r.name()).resolve("my-file");
        assertThat(tarEntries(object)).containsEntry("file", "hello from generate\n");
        JsonNode artifact = r.node("generate").json().path("outputs").path("artifacts").get(0);
        assertThat(artifact.path("filesystem").path("key").asText()).isEqualTo(r.name() + "/my-file");
        assertThat(artifact.path("digest").asText()).startsWith("sha256:");
    }

    @Test
    void outputsWithoutLocationGoToTheNamedRepositoryAtArgosKeys() throws Exception {
        Files.writeString(home.resolve("artifact-repositories.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: artifact-repositories
                data:
                  team: |
                    filesystem:
                      root: team-repository
                  custom:
                    filesystem:
                      root: custom-repository
                      keyFormat: "runs/{{workflow.name}}"
                """);
        BatonProcess.Outcome outcome = run("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: placed-
                spec:
                  entrypoint: generate
                  artifactRepositoryRef:
                    key: team
                  templates:
                    - name: generate
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["mkdir -p /mnt/dir && echo a > /mnt/dir/a.txt && echo tgz > /mnt/t.txt && echo raw > /mnt/r.txt && echo zip > /mnt/z.txt"]
                      outputs:
                        artifacts:
                          - {name: packed, path: /mnt/t.txt}
                          - {name: raw, path: /mnt/r.txt, archive: {none: {}}}
                          - {name: zipped, path: /mnt/z.txt, archive: {zip: {}}}
                          - {name: dir, path: /mnt/dir}
                """, Map.of());
        RunResult r = outcome.result();
        assertThat(r.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        Path runDirectory = home.resolve("team-repository").resolve(r.name());
        List<String> files = listFiles(runDirectory);
        assertThat(files).hasSize(4);
        String pod = files.getFirst().substring(0, files.getFirst().indexOf('/'));
        assertThat(pod).startsWith(r.name());
        assertThat(files).containsExactlyInAnyOrder(pod + "/packed.tgz", pod + "/raw", pod + "/zipped.zip",
                pod + "/dir.tgz");
        assertThat(tarEntries(runDirectory.resolve(pod).resolve("packed.tgz"))).containsEntry("t.txt", "tgz\n");
        assertThat(runDirectory.resolve(pod).resolve("raw")).hasContent("raw");
        assertThat(tarEntries(runDirectory.resolve(pod).resolve("dir.tgz"))).containsEntry("dir/a.txt", "a\n");
        assertThat(Files.exists(home.resolve("repository"))).isFalse();
    }

    @Test
    void keyFormatOfTheReferencedRepositoryIsRendered() throws Exception {
        Files.writeString(home.resolve("artifact-repositories.yaml"), """
                metadata:
                  annotations:
                    workflows.argoproj.io/default-artifact-repository: custom
                data:
                  custom:
                    filesystem:
                      root: custom-repository
                      keyFormat: "runs/{{workflow.name}}"
                """);
        BatonProcess.Outcome outcome = run(replaced(KEY_ONLY, "      key: \"{{workflow.name}}/my-file\"\n    - name: consume",
                "      key: \"{{workflow.name}}/my-file\"\n          - {name: extra, path: /mnt/file}\n    - name: consume"),
                Map.of());
        RunResult r = outcome.result();
        assertThat(r.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        Path repository = home.resolve("custom-repository");
        assertThat(listFiles(repository)).containsExactlyInAnyOrder(r.name() + "/my-file",
                "runs/" + r.name() + "/extra.tgz");
        assertThat(r.node("consume").stdout()).isEqualTo("hello from generate");
    }

    @Test
    void aReferenceToAMissingRepositoryErrorsTheRunNamingIt() throws Exception {
        BatonProcess.Outcome outcome = run(replaced(KEY_ONLY, "  entrypoint: main\n",
                "  entrypoint: main\n  artifactRepositoryRef:\n    key: nope\n"), Map.of());
        RunResult r = outcome.result();
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(r.phase()).isIn("Error", "Failed");
        assertThat(r.node("generate").message()).contains("no artifact repository 'nope'")
                .contains("artifact-repositories.yaml");
    }

    @Test
    void aMissingKeyErrorsARequiredInputAndSkipsAnOptionalOne() throws Exception {
        String wf = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: missing-
                spec:
                  entrypoint: read
                  templates:
                    - name: read
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["ls /tmp/in 2>&1 || echo absent"]
                      inputs:
                        artifacts:
                          - name: in
                            path: /tmp/in
                            OPTIONAL
                            s3:
                              key: nowhere/to/be/found.tgz
                """;
        BatonProcess.Outcome required = run(wf.replace("OPTIONAL", "optional: false"), Map.of());
        assertThat(required.exitCode()).isEqualTo(1);
        assertThat(required.result().root().phase()).isEqualTo("Error");
        assertThat(required.result().root().message()).contains("input artifact 'in'")
                .contains("nowhere/to/be/found.tgz");
        BatonProcess.Outcome optional = run(wf.replace("OPTIONAL", "optional: true"), Map.of());
        assertThat(optional.result().phase()).as(optional.stderr()).isEqualTo("Succeeded");
        assertThat(optional.result().root().stdout()).contains("absent");
    }

    @Test
    void aKeyLeavingTheRepositoryIsRefused() throws Exception {
        BatonProcess.Outcome outcome = run(replaced(KEY_ONLY, "key: \"{{workflow.name}}/my-file\"\n    - name: consume",
                "key: \"../../escaped\"\n    - name: consume"), Map.of());
        RunResult r = outcome.result();
        assertThat(r.phase()).isIn("Error", "Failed");
        assertThat(r.node("generate").message()).contains("../../escaped").contains("'..'");
        try (Stream<Path> all = Files.walk(home)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("escaped"))).isEmpty();
        }
        assertThat(Files.exists(home.getParent().resolve("escaped"))).isFalse();
    }

    @Test
    void mapReduceOverKeyOnlyDirectoriesWithArchiveNone() throws Exception {
        BatonProcess.Outcome outcome = run("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: fan-
                spec:
                  entrypoint: main
                  templates:
                    - name: main
                      dag:
                        tasks:
                          - name: split
                            template: split
                          - name: square
                            template: square
                            depends: split
                            withParam: "{{tasks.split.outputs.result}}"
                            arguments:
                              parameters:
                                - {name: n, value: "{{item}}"}
                              artifacts:
                                - name: number
                                  s3:
                                    key: "{{workflow.name}}/numbers/{{item}}.txt"
                          - name: sum
                            template: sum
                            depends: square
                    - name: split
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["mkdir -p /mnt/numbers && for i in 1 2 3; do echo $i > /mnt/numbers/$i.txt; done && echo '[\\"1\\",\\"2\\",\\"3\\"]'"]
                      outputs:
                        artifacts:
                          - name: numbers
                            path: /mnt/numbers
                            archive: {none: {}}
                            s3:
                              key: "{{workflow.name}}/numbers/"
                    - name: square
                      inputs:
                        parameters:
                          - name: n
                        artifacts:
                          - name: number
                            path: /mnt/in/number.txt
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["mkdir -p /mnt/out && echo $(( $(cat /mnt/in/number.txt) ** 2 )) > /mnt/out/square.txt"]
                      outputs:
                        artifacts:
                          - name: square
                            path: /mnt/out/square.txt
                            archive: {none: {}}
                            s3:
                              key: "{{workflow.name}}/squares/{{inputs.parameters.n}}.txt"
                    - name: sum
                      inputs:
                        artifacts:
                          - name: squares
                            path: /mnt/in
                            s3:
                              key: "{{workflow.name}}/squares"
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["echo $(( $(cat /mnt/in/*.txt | paste -sd+) ))"]
                """, Map.of());
        RunResult r = outcome.result();
        assertThat(r.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        assertThat(r.node("sum").stdout()).isEqualTo("14");
        assertThat(listFiles(home.resolve("repository").resolve(r.name()))).containsExactly(
                "numbers/1.txt", "numbers/2.txt", "numbers/3.txt", "squares/1.txt", "squares/2.txt", "squares/3.txt");
        assertThat(home.resolve("repository").resolve(r.name()).resolve("squares/3.txt")).hasContent("9");
    }

    @Test
    void gitInputIsClonedAtTheRequestedRevision() throws Exception {
        Path source = home.resolve("source.git");
        git(home, "init", "-q", "-b", "main", source.toString());
        Files.writeString(source.resolve("README"), "first\n");
        git(source, "add", "README");
        git(source, "-c", "user.email=it@baton.dev", "-c", "user.name=it", "commit", "-qm", "first");
        String first = git(source, "rev-parse", "HEAD");
        Files.writeString(source.resolve("README"), "second\n");
        git(source, "-c", "user.email=it@baton.dev", "-c", "user.name=it", "commit", "-qam", "second");
        String wf = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: git-
                spec:
                  entrypoint: main
                  templates:
                    - name: main
                      dag:
                        tasks:
                          - {name: head, template: read, arguments: {parameters: [{name: rev, value: main}]}}
                          - {name: old, template: read, arguments: {parameters: [{name: rev, value: FIRST}]}}
                    - name: read
                      inputs:
                        parameters: [{name: rev}]
                        artifacts:
                          - name: src
                            path: /src
                            git:
                              repo: REPO
                              revision: "{{inputs.parameters.rev}}"
                              depth: 1
                      container:
                        image: bash
                        command: [sh, -c]
                        args: ["cat /src/README"]
                """.replace("FIRST", first).replace("REPO", source.toUri().toString());
        BatonProcess.Outcome outcome = run(wf, Map.of());
        RunResult r = outcome.result();
        assertThat(r.phase()).as(outcome.stderr()).isEqualTo("Succeeded");
        assertThat(r.node("head").stdout()).isEqualTo("second");
        assertThat(r.node("old").stdout()).isEqualTo("first");

        BatonProcess.Outcome missing = run(wf.replace(source.toUri().toString(), home.resolve("absent.git").toUri()
                .toString()), Map.of());
        assertThat(missing.result().node("head").phase()).isEqualTo("Error");
        assertThat(missing.result().node("head").message()).startsWith("input artifact 'src': git clone failed");
    }

    private static String git(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    static String replaced(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    static List<String> listFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith(".staging")).sorted().toList();
        }
    }

    static Map<String, String> tarEntries(Path tgz) throws IOException {
        try (InputStream in = Files.newInputStream(tgz)) {
            return tarEntries(in);
        }
    }

    static Map<String, String> tarEntries(InputStream raw) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(GzipCompressorInputStream.builder()
                .setInputStream(raw).get())) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }
}
