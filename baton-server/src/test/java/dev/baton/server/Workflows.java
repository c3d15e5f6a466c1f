package dev.baton.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Workflow documents the API tests submit. */
final class Workflows {
    private Workflows() {
    }

    /** The repository's example DAG: three host-process steps passing a value and a file. */
    static String helloDag() throws IOException {
        return Files.readString(Path.of("../examples/hello-dag.yaml"));
    }

    /** One suspend node that waits {@code duration}: no process at all. */
    static String suspend(String name, String duration, String team) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: %s
                  labels: {team: %s}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    suspend: {duration: "%s"}
                """.formatted(name, team, duration);
    }

    /** One step running a shell script. */
    static String script(String name, String source) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: %s
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    script:
                      image: alpine
                      command: [sh]
                      source: |
                %s
                """.formatted(name, source.indent(8).stripTrailing());
    }
}
