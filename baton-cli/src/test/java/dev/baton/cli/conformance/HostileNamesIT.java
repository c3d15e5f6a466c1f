package dev.baton.cli.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that try to leave {@code $BATON_HOME}, given to {@code bin/baton} as a user would: each is refused with
 * exit 2 and the problem at its line, and nothing is created, read or deleted outside the home (an empty
 * directory beside it survives). A valid run keeps its work area under {@code work/<namespace>/<uid>}.
 */
class HostileNamesIT {
    /** As YAML double-quoted scalars; the last ones hold NUL and newline. */
    private static final List<String> HOSTILE = List.of("../../../escape", "../../victim", "../victim", "a/b",
            "UPPER_case", "..", ".", "x".repeat(300), "a\\0b", "a\\nb", "/tmp/abs");

    @TempDir
    Path temp;
    Path home;
    Path victim;

    @BeforeEach
    void layOut() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        victim = Files.createDirectories(temp.resolve("victim"));
    }

    private static String workflow(String metadataLine) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  %s
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: alpine, command: [sh, -c, "echo escaped > ../../../../escape-marker"]}
                """.formatted(metadataLine);
    }

    @Test
    void hostileNamesAreRefusedByRunAndLintAndNothingIsMade() throws Exception {
        List<String> files = new ArrayList<>();
        for (String field : List.of("name", "generateName", "namespace")) {
            for (int i = 0; i < HOSTILE.size(); i++) {
                String hostile = HOSTILE.get(i);
                Path file = Files.writeString(temp.resolve(field + "-" + i + ".yaml"),
                        workflow(field + ": \"" + hostile + "\""));
                files.add(file.toString());
                // every name through run for metadata.name; a few for the other fields (each run is a JVM start)
                if (field.equals("name") || i % 4 == 0) {
                    BatonProcess.Outcome run = BatonProcess.run(home, 60, "run", file.toString());

                    assertThat(run.exitCode()).as("run %s: %s\n%s", field, hostile, run.stderr()).isEqualTo(2);
                    assertThat(run.stderr()).as(hostile).contains(file.getFileName() + ":4:3: metadata." + field
                            + ": ").contains("nothing was run");
                }
            }
        }
        List<String> lintArgs = new ArrayList<>(List.of("lint"));
        lintArgs.addAll(files);
        BatonProcess.Outcome lint = BatonProcess.run(home, 120, lintArgs.toArray(String[]::new));

        assertThat(lint.exitCode()).as(lint.stderr()).isEqualTo(2);
        for (String file : files) {
            String field = Path.of(file).getFileName().toString().replaceFirst("-\\d+\\.yaml$", "");
            assertThat(lint.stdout()).contains(Path.of(file).getFileName() + ":4:3: metadata." + field + ": ");
        }
        assertThat(victim).isEmptyDirectory();
        assertThat(Path.of("/escape-0")).doesNotExist();
        assertThat(outsideHome()).allMatch(p -> p.equals(victim) || p.toString().endsWith(".yaml"));
        try (Stream<Path> made = Files.list(home)) {
            assertThat(made.map(p -> p.getFileName().toString()))
                    .as("no store, no work area: only the test's captured output")
                    .allMatch(name -> name.startsWith("stdout") || name.startsWith("stderr"));
        }
    }

    @Test
    void commandLineNamespacesMustBeDnsLabels() throws Exception {
        for (List<String> args : List.of(List.of("logs", "-n", "../x", "some-run"),
                List.of("delete", "-n", "a/b", "some-run"), List.of("get", "-n", "UPPER", "some-run"),
                List.of("token", "create", "--namespace", "../x", "--role", "viewer"),
                List.of("token", "create", "--namespace", "**", "--role", "viewer"))) {
            BatonProcess.Outcome outcome = BatonProcess.run(home, 60, args.toArray(String[]::new));

            assertThat(outcome.exitCode()).as("%s\n%s", args, outcome.stderr()).isEqualTo(2);
            assertThat(outcome.stderr()).as("%s", args).contains("invalid namespace");
        }

        BatonProcess.Outcome every = BatonProcess.run(home, 60, "token", "create", "--namespace", "*", "--role",
                "viewer", "--name", "reader");
        assertThat(every.exitCode()).as(every.stderr()).isZero();
        assertThat(victim).isEmptyDirectory();
    }

    @Test
    void aRunKeepsItsWorkAreaUnderItsNamespaceAndUid() throws Exception {
        Path file = Files.writeString(temp.resolve("ok.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: same-name, namespace: team-a}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: alpine, command: [sh, -c, "echo hi > /tmp/here.txt"]}
                """);

        BatonProcess.Outcome kept = BatonProcess.run(home, 120, "run", "--keep-work", "-o", "json", file.toString());
        BatonProcess.Outcome removed = BatonProcess.run(home, 120, "run", "-o", "json",
                Files.writeString(temp.resolve("ok.yaml"), Files.readString(file).replace("team-a", "team-b"))
                        .toString());

        assertThat(kept.exitCode()).as(kept.stderr()).isZero();
        assertThat(removed.exitCode()).as(removed.stderr()).isZero();
        Map<?, ?> metadata = (Map<?, ?>) new ObjectMapper().readValue(kept.stdout(), Map.class).get("metadata");
        Path runDirectory = home.resolve("work/team-a").resolve((String) metadata.get("uid"));
        try (Stream<Path> areas = Files.list(runDirectory)) {
            assertThat(areas.map(p -> p.getFileName().toString())).singleElement().asString()
                    .startsWith("same-name").endsWith("-0");
        }
        assertThat(home.resolve("work/team-b")).isEmptyDirectory();
        assertThat(home.resolve("work/same-name")).doesNotExist();
    }

    private List<Path> outsideHome() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.filter(p -> !p.equals(temp) && !p.startsWith(home)).toList();
        }
    }
}
