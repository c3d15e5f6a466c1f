package dev.baton.cli.remote;

import dev.baton.testkit.StepReachableDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop, terminate, suspend, resume, retry, resubmit, templates and cron workflows through the real
 * {@code baton} command.
 */
class RemoteControlIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new RunningServer(root);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    String submit(String file, String yaml) throws Exception {
        CliProcess.Outcome submit = server.baton("submit", server.file(file, yaml).toString());
        assertThat(submit.exit()).as(submit.toString()).isZero();
        return submit.stdout().strip();
    }

    static String sleeping(String prefix) {
        return RemoteRunsIT.script("generateName: " + prefix, "echo started\nsleep 30\n");
    }

    static final String SUSPENDING = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: approve-}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: wait, template: approval}
                - - {name: after, template: done}
              - name: approval
                suspend: {}
              - name: done
                script: {image: alpine, command: [sh], source: echo approved}
            """;

    @Test
    void stopEndsARunningRunFailed() throws Exception {
        String name = submit("stop.yaml", sleeping("stop-"));
        server.await(name, w -> RunningServer.nodeIn(w, name, "Running"));
        CliProcess.Outcome stop = server.baton("stop", name);
        assertThat(stop.exit()).as(stop.toString()).isZero();
        assertThat(stop.stdout()).contains("workflow " + name + ": stop requested");
        CliProcess.Outcome watch = server.baton("watch", name);
        assertThat(watch.exit()).as(watch.toString()).isEqualTo(1);
        assertThat(watch.stdout()).containsPattern(name + " Failed");
        CliProcess.Outcome again = server.baton("stop", name);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.stderr().lines()).containsExactly("baton: server " + server.uri() + ": conflict (409): "
                + "workflow '" + name + "' already finished (Failed); nothing to stop");
    }

    @Test
    void terminateEndsARunningRunFailed() throws Exception {
        String name = submit("terminate.yaml", sleeping("terminate-"));
        server.await(name, w -> RunningServer.nodeIn(w, name, "Running"));
        CliProcess.Outcome terminate = server.baton("terminate", name);
        assertThat(terminate.exit()).as(terminate.toString()).isZero();
        JsonNode end = server.await(name, w -> RunningServer.phase(w).equals("Failed"));
        assertThat(end.path("status").path("finishedAt").asText()).isNotEmpty();
        assertThat(server.baton("get", name).stdout()).contains("Status:    Failed");
    }

    @Test
    void resumeOfARunWaitingAtASuspendStep() throws Exception {
        String name = submit("approve.yaml", SUSPENDING);
        server.await(name, w -> RunningServer.nodeIn(w, "wait", "Running"));
        CliProcess.Outcome resume = server.baton("resume", name);
        assertThat(resume.exit()).as(resume.toString()).isZero();
        assertThat(resume.stdout()).contains("workflow " + name + ": resume requested");
        CliProcess.Outcome watch = server.baton("watch", name);
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(watch.stdout()).contains("wait Succeeded").contains(name + " Succeeded");
        assertThat(server.baton("logs", name, "after").stdout().strip()).isEqualTo("approved");
        CliProcess.Outcome twoRuns = server.baton("resume", name, "other");
        assertThat(twoRuns.exit()).isEqualTo(2);
        assertThat(twoRuns.stderr()).contains("resume on a server takes one RUN");
    }

    @Test
    void aSuspendedRunLetsItsRunningStepFinishAndStartsTheNextOnlyAtResume() throws Exception {
        String name = submit("two-steps.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: two-steps-}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: first, template: first}
                    - - {name: second, template: second}
                  - name: first
                    script:
                      image: alpine
                      command: [sh]
                      source: |
                        sleep 8
                        echo one
                  - name: second
                    script: {image: alpine, command: [sh], source: echo two}
                """);
        server.await(name, w -> RunningServer.nodeIn(w, "first", "Running"));

        CliProcess.Outcome suspend = server.baton("suspend", name);
        assertThat(suspend.exit()).as(suspend.toString()).isZero();
        assertThat(suspend.stdout()).contains("workflow " + name + ": suspend requested");
        JsonNode suspended = server.await(name, w -> w.path("spec").path("suspend").asBoolean(false));
        assertThat(RunningServer.nodeIn(suspended, "first", "Running")).as("suspended before the first step ended")
                .isTrue();
        server.await(name, w -> RunningServer.nodeIn(w, "first", "Succeeded"));
        Thread.sleep(1500);
        JsonNode held = server.await(name, w -> true);
        assertThat(RunningServer.phase(held)).as("a suspended run stays Running, as in Argo").isEqualTo("Running");
        assertThat(RunningServer.nodeIn(held, "second", "Running") || RunningServer.nodeIn(held, "second", "Succeeded"))
                .as("the second step must not start while the run is suspended: " + held).isFalse();

        CliProcess.Outcome resume = server.baton("resume", name);
        assertThat(resume.exit()).as(resume.toString()).isZero();
        CliProcess.Outcome watch = server.baton("watch", name);
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(server.baton("logs", name, "second").stdout().strip()).isEqualTo("two");
        assertThat(server.await(name, w -> true).path("spec").path("suspend").asBoolean(false)).isFalse();
        CliProcess.Outcome again = server.baton("suspend", name);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.stderr()).contains("conflict (409)").contains("already finished (Succeeded); nothing to suspend");
    }

    @Test
    void retryAndResubmitOfAFailedRun() throws Exception {
        Path marks = StepReachableDirectory.create("baton-cli-retry-");
        try {
            retryAndResubmit(marks);
        } finally {
            try (var files = Files.walk(marks)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void retryAndResubmit(Path marks) throws Exception {
        String name = submit("flaky.yaml", RemoteRunsIT.script("generateName: flaky-",
                "echo value {{workflow.parameters.word}}\nif [ -e " + marks + "/tried ]; then exit 0; fi\ntouch "
                        + marks + "/tried\nexit 1\n").replace("spec:\n", """
                spec:
                  arguments: {parameters: [{name: word, value: first}]}
                """));
        assertThat(server.baton("watch", name).exit()).isEqualTo(1);
        CliProcess.Outcome retry = server.baton("retry", name);
        assertThat(retry.exit()).as(retry.toString()).isZero();
        assertThat(retry.stdout()).contains("workflow " + name + ": retry requested");
        CliProcess.Outcome watched = server.baton("watch", name);
        assertThat(watched.exit()).as(watched.toString()).isZero();
        assertThat(watched.stdout()).contains("Succeeded");
        Files.delete(marks.resolve("tried"));
        CliProcess.Outcome resubmit = server.baton("resubmit", name, "-p", "word=second");
        assertThat(resubmit.exit()).as(resubmit.toString()).isZero();
        String again = resubmit.stdout().strip();
        assertThat(again).startsWith("flaky-").isNotEqualTo(name);
        assertThat(server.baton("watch", again).exit()).isEqualTo(1);
        assertThat(server.baton("logs", again, again).stdout().strip()).isEqualTo("value second");
    }

    @Test
    void templatesAreCreatedListedReadAndDeleted() throws Exception {
        CliProcess.Outcome create = server.baton("template", "create", server.file("tpl.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata: {name: greeter}
                spec:
                  templates:
                  - name: hello
                    script: {image: alpine, command: [sh], source: echo hello}
                """).toString());
        assertThat(create.exit()).as(create.toString()).isZero();
        assertThat(create.stdout()).contains("WorkflowTemplate greeter created");
        CliProcess.Outcome list = server.baton("template", "list");
        assertThat(list.stdout()).containsPattern("NAME +AGE").containsPattern("\ngreeter +\\d+s");
        CliProcess.Outcome get = server.baton("template", "get", "greeter", "-o", "json");
        assertThat(JSON.readTree(get.stdout()).path("spec").path("templates").get(0).path("name").asText())
                .isEqualTo("hello");
        assertThat(server.baton("template", "delete", "greeter").stdout()).contains("WorkflowTemplate greeter deleted");
        CliProcess.Outcome gone = server.baton("template", "get", "greeter");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.stderr()).contains("not found (404)");
    }

    @Test
    void cronWorkflowsAreCreatedListedSuspendedResumedAndDeleted() throws Exception {
        CliProcess.Outcome create = server.baton("cron", "create", server.file("cron.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                      script: {image: alpine, command: [sh], source: echo nightly}
                """).toString());
        assertThat(create.exit()).as(create.toString()).isZero();
        assertThat(create.stdout()).contains("CronWorkflow nightly created");
        assertThat(server.baton("cron", "list").stdout()).containsPattern("\nnightly +\\d+s +0 3 \\* \\* \\* +false");
        assertThat(server.baton("cron", "suspend", "nightly").exit()).isZero();
        assertThat(server.baton("cron", "list").stdout()).containsPattern("\nnightly +\\d+s +0 3 \\* \\* \\* +true");
        assertThat(server.baton("cron", "resume", "nightly").exit()).isZero();
        CliProcess.Outcome get = server.baton("cron", "get", "nightly", "-o", "json");
        assertThat(JSON.readTree(get.stdout()).path("spec").path("suspend").asBoolean(false)).isFalse();
        assertThat(server.baton("cron", "delete", "nightly").exit()).isZero();
        assertThat(server.baton("cron", "get", "nightly").exit()).isEqualTo(1);
    }
}
