package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.cron.service.CronOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static dev.baton.server.TestServer.phase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cron workflows scheduled by a real server over real HTTP, once per store: the cron clock is moved by the test
 * and the scheduler ticked by it, the runs are real processes.
 */
abstract class CronApiContract {
    private static final String CRONS = "/api/v1/cron-workflows/default";
    private static final String RUNS = "/api/v1/workflows/default";
    private static final String LABEL = "workflows.argoproj.io/cron-workflow";
    private static final String ANNOTATION = "workflows.argoproj.io/scheduled-time";

    @TempDir
    Path home;
    TestServer server;
    MovableClock clock;
    /** The first whole minute after the cron workflows are created: their first scheduled time. */
    Instant firstDue;

    abstract TestStores stores();

    @BeforeEach
    void start() throws Exception {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(5);
        clock = new MovableClock(created);
        firstDue = created.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
        // the timer's own ticks are an hour apart: the test ticks
        server = new TestServer(home, stores(), TestServer.openConfig().withCronTick(Duration.ofHours(1)), clock);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static String cron(String name, String extraSpec, String script) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: %s}
                spec:
                  schedule: "* * * * *"
                %s
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                %s
                """.formatted(name, extraSpec.indent(2).stripTrailing(), script.indent(6).stripTrailing());
    }

    private static final String ECHO_TIME = """
            script: {image: alpine, command: [sh], source: "echo {{workflow.scheduledTime}}"}""";
    private static final String WAIT = """
            suspend: {}""";

    /** Moves the cron clock to {@code minutes} whole minutes after the first due time, plus 2 seconds, and ticks. */
    private List<CronOutcome> tickAt(int minutes) {
        clock.set(firstDue.plusSeconds(60L * minutes + 2));
        return tick();
    }

    private List<CronOutcome> tick() {
        List<CronOutcome> outcomes = server.server.cron().orElseThrow().tick();
        assertThat(outcomes).noneMatch(o -> o instanceof CronOutcome.Failed || o instanceof CronOutcome.Unschedulable);
        return outcomes;
    }

    private String runName(String cron, int minutes) {
        return cron + "-" + firstDue.plusSeconds(60L * minutes).getEpochSecond();
    }

    private List<String> runsOf(String cron) {
        JsonNode list = server.get(RUNS + "?listOptions.labelSelector=" + LABEL + "%3D" + cron).json();
        List<String> names = new ArrayList<>();
        list.path("items").forEach(w -> {
            if (w.path("metadata").path("labels").path(LABEL).asText().equals(cron)) {
                names.add(w.path("metadata").path("name").asText());
            }
        });
        names.sort(String::compareTo);
        return names;
    }

    private void create(String yaml) {
        TestServer.Response created = server.postYaml(CRONS, yaml);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    @Test
    void anEveryMinuteCronFiresOnTimeAndItsRunSucceedsKnowingItsScheduledTime() throws Exception {
        create(cron("every", "", ECHO_TIME));

        clock.set(firstDue.minusSeconds(20));
        tick();
        assertThat(runsOf("every")).isEmpty();

        tickAt(0);

        String name = runName("every", 0);
        assertThat(runsOf("every")).containsExactly(name);
        JsonNode done = server.awaitFinished("default", name);
        assertThat(phase(done)).isEqualTo("Succeeded");
        String annotation = done.path("metadata").path("annotations").path(ANNOTATION).asText();
        assertThat(annotation).isEqualTo(firstDue.toString());
        assertThat(done.path("metadata").path("labels").path(LABEL).asText()).isEqualTo("every");
        List<String> results = new ArrayList<>();
        done.path("status").path("nodes").forEach(n -> {
            if (n.path("type").asText().equals("Pod")) {
                results.add(n.path("outputs").path("result").asText());
            }
        });
        assertThat(results).containsExactly(annotation);

        JsonNode status = server.get(CRONS + "/every").json().path("status");
        assertThat(status.path("lastScheduledTime").asText()).isEqualTo(firstDue.toString());

        tick();
        status = server.get(CRONS + "/every").json().path("status");
        assertThat(status.path("active")).isEmpty();
        assertThat(status.path("succeeded").asLong()).isEqualTo(1);
        assertThat(runsOf("every")).containsExactly(name);
    }

    @Test
    void aRunNameTakenBeforehandIsReportedAndLeavesNothingRunning() throws Exception {
        String taken = runName("taken", 0);
        for (String ns : List.of("default", "team-b")) {
            TestServer.Response squatter = server.postYaml("/api/v1/workflows/" + ns,
                    Workflows.suspend(taken, "0", "squatter"));
            assertThat(squatter.status()).as(squatter.body()).isEqualTo(200);
            assertThat(phase(server.awaitFinished(ns, taken))).isEqualTo("Succeeded");
        }
        create(cron("taken", "", ECHO_TIME));

        clock.set(firstDue.plusSeconds(2));
        List<CronOutcome> outcomes = server.server.cron().orElseThrow().tick();

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(CronOutcome.Failed.class,
                failed -> assertThat(failed.message()).contains("'" + taken + "' already exists"));
        assertThat(runsOf("taken")).isEmpty();
        JsonNode squatter = server.get(RUNS + "/" + taken).json();
        assertThat(squatter.path("metadata").path("labels").path("team").asText()).isEqualTo("squatter");
        // the status written before the refused submission names the run until the next tick finds it is not its own
        tick();
        assertThat(server.get(CRONS + "/taken").json().path("status").path("active")).isEmpty();

        tickAt(1);
        String next = runName("taken", 1);
        assertThat(runsOf("taken")).containsExactly(next);
        assertThat(phase(server.awaitFinished("default", next))).isEqualTo("Succeeded");
        tick();
        assertThat(server.get(CRONS + "/taken").json().path("status").path("active")).isEmpty();
    }

    @Test
    void forbidSkipsTheTimesThatComeWhileARunIsActive() throws Exception {
        create(cron("forbid", "concurrencyPolicy: Forbid", WAIT));

        tickAt(0);
        String first = runName("forbid", 0);
        JsonNode status = server.get(CRONS + "/forbid").json().path("status");
        assertThat(status.path("active").get(0).path("name").asText()).isEqualTo(first);

        tickAt(1);
        assertThat(runsOf("forbid")).containsExactly(first);

        server.await("default", first, CronApiContract::waitsAtItsSuspendNode, Duration.ofSeconds(30));
        assertThat(server.put(RUNS + "/" + first + "/resume").status()).isEqualTo(200);
        assertThat(phase(server.awaitFinished("default", first))).isEqualTo("Succeeded");
        tickAt(2);

        assertThat(runsOf("forbid")).containsExactly(first, runName("forbid", 2));
    }

    @Test
    void suspendStopsFiringAndResumeStartsAgainAtTheNextTime() {
        create(cron("paused", "", WAIT));

        assertThat(server.put(CRONS + "/paused/suspend").json().path("spec").path("suspend").asBoolean()).isTrue();
        tickAt(0);
        assertThat(runsOf("paused")).isEmpty();

        assertThat(server.put(CRONS + "/paused/resume").json().path("spec").path("suspend").asBoolean()).isFalse();
        tickAt(0);
        assertThat(runsOf("paused")).isEmpty();
        tickAt(1);

        assertThat(runsOf("paused")).containsExactly(runName("paused", 1));
    }

    @Test
    void historyLimitsDeleteTheOldestFinishedRuns() throws Exception {
        create(cron("kept", "successfulJobsHistoryLimit: 1", ECHO_TIME));

        tickAt(0);
        server.awaitFinished("default", runName("kept", 0));
        tickAt(1);
        server.awaitFinished("default", runName("kept", 1));
        tick();

        assertThat(runsOf("kept")).containsExactly(runName("kept", 1));
        server.get(RUNS + "/" + runName("kept", 0)).problem(404);
        assertThat(server.get(CRONS + "/kept").json().path("status").path("succeeded").asLong()).isEqualTo(2);
    }

    @Test
    void afterARestartACronNeitherRepeatsNorLosesARun() throws Exception {
        create(cron("steady", "", ECHO_TIME));
        tickAt(0);
        server.awaitFinished("default", runName("steady", 0));

        server.restart();
        clock.set(firstDue.plusSeconds(5));
        tick();
        assertThat(runsOf("steady")).containsExactly(runName("steady", 0));

        server.restart();
        // the next time came while the server was down, and it is noticed within the on-time allowance
        clock.set(firstDue.plusSeconds(60 + 8));
        tick();

        assertThat(runsOf("steady")).containsExactly(runName("steady", 0), runName("steady", 1));
        assertThat(phase(server.awaitFinished("default", runName("steady", 1)))).isEqualTo("Succeeded");
    }

    @Test
    void aCronWorkflowThatCannotBeScheduledIsRefusedWithEveryProblem() {
        String bad = """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: bad}
                spec:
                  schedules: ["61 * * * *", "@daily"]
                  timezone: Mars/Olympus_Mons
                  concurrencyPolicy: Sometimes
                  workflowSpec:
                    entrypoint: main
                    templates:
                    - name: main
                      container: {image: alpine, command: [echo, hi]}
                """;

        JsonNode problem = server.postYaml(CRONS, bad).problem(400);

        List<String> paths = new ArrayList<>();
        problem.path("problems").forEach(p -> paths.add(p.path("path").asText()));
        assertThat(paths).contains("spec.schedules[0]", "spec.timezone", "spec.concurrencyPolicy");
        assertThat(problem.path("problems").toString()).contains("'61 * * * *'", "Mars/Olympus_Mons", "Sometimes");
        server.get(CRONS + "/bad").problem(404);

        create(cron("good", "", ECHO_TIME));
        JsonNode update = server.send("PUT", CRONS + "/good", bad.replace("name: bad", "name: good"),
                "application/yaml").problem(400);
        assertThat(update.path("problems")).hasSizeGreaterThanOrEqualTo(3);

        JsonNode badSpec = server.postYaml(CRONS, cron("nospec", "", """
                dag: {tasks: [{name: a, template: nowhere}]}""").replace("\"* * * * *\"", "\"* * * *\"")).problem(400);
        assertThat(badSpec.path("problems").toString()).contains("nowhere", "'* * * *'");
        server.get(CRONS + "/nospec").problem(404);
    }

    private static boolean waitsAtItsSuspendNode(JsonNode workflow) {
        for (JsonNode n : workflow.path("status").path("nodes")) {
            if (n.path("type").asText().equals("Suspend") && n.path("phase").asText().equals("Running")) {
                return true;
            }
        }
        return false;
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
