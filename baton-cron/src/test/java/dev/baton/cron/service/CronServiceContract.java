package dev.baton.cron.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.cron.core.Scheduling;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import dev.baton.spi.store.CronRecord;
import dev.baton.spi.store.CronStatus;
import dev.baton.spi.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cron service against a real store; each store's test supplies it. Time moves only when a test says so. */
abstract class CronServiceContract {
    static final Instant CREATED = Instant.parse("2026-03-02T09:59:30Z");

    final MutableClock clock = new MutableClock(CREATED);
    final RecordingRuns runs = new RecordingRuns(clock);
    Store store;
    private final List<CronService> services = new ArrayList<>();

    /** A fresh, empty store. */
    abstract Store openStore();

    /** The same store as an engine sees it after a restart (reopened from disk where there is a disk). */
    abstract Store reopen(Store store);

    /** A second handle on the same store, as a second engine would have. */
    abstract Store secondEngineStore(Store store);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        services.forEach(CronService::close);
        store.close();
    }

    CronService service(Store on) {
        CronService service = new CronService(on.crons(), runs, clock, ZoneOffset.UTC);
        services.add(service);
        return service;
    }

    void put(String name, String spec) {
        store.crons().put(new CronRecord("ns", name, yaml(name, spec), false, null, CREATED));
    }

    static String yaml(String name, String spec) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: %s
                spec:
                %s
                  workflowMetadata:
                    labels: {owner: data-team}
                  workflowSpec:
                    entrypoint: main
                    templates:
                      - name: main
                        script: {image: python, command: [python], source: 'print(1)'}
                """.formatted(name, spec.indent(2).stripTrailing());
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    /** Ticks once a second from {@code from} (inclusive) to {@code to} (exclusive). */
    void tickEverySecond(CronService service, String from, String to) {
        for (Instant t = at(from); t.isBefore(at(to)); t = t.plusSeconds(1)) {
            clock.set(t);
            service.tick();
        }
    }

    @Test
    void aCronWorkflowDueEveryMinuteFiresOnTimeWithAnInjectableClockAndForbidIsHonoured() {
        put("nightly", "schedules: ['* * * * *']\nconcurrencyPolicy: Forbid");
        CronService service = service(store);

        tickEverySecond(service, "09:59:30", "10:01:30");
        runs.finish("ns", "nightly-1772445600", WorkflowPhase.Succeeded);
        tickEverySecond(service, "10:01:30", "10:03:00");

        // submitted at the very tick of its minute; 10:01 skipped while the 10:00 run was still running
        assertThat(runs.calls()).containsExactly(
                "2026-03-02T10:00:00Z submit ns/nightly-1772445600",
                "2026-03-02T10:02:00Z submit ns/nightly-1772445720");
        Workflow run = runs.submitted("ns", "nightly-1772445720");
        assertThat(run.metadata().namespace()).isEqualTo("ns");
        assertThat(run.metadata().labels()).isEqualTo(Map.of("owner", "data-team",
                "workflows.argoproj.io/cron-workflow", "nightly"));
        assertThat(run.metadata().annotations()).isEqualTo(Map.of(
                "workflows.argoproj.io/scheduled-time", "2026-03-02T10:02:00Z"));
        assertThat(run.spec().entrypoint()).isEqualTo("main");
        CronRecord stored = store.crons().get("ns", "nightly").orElseThrow();
        assertThat(stored.lastScheduledTime()).isEqualTo(at("10:02:00"));
        assertThat(stored.status()).isEqualTo(new CronStatus(List.of("nightly-1772445720"), 1, 0, false));
    }

    @Test
    void aRestartedEngineNeitherRepeatsNorLosesAScheduledRun() {
        put("nightly", "schedules: ['* * * * *']");
        tickEverySecond(service(store), "09:59:59", "10:00:31");
        services.getFirst().close();

        // the engine is down from 10:00:31 to 10:01:04, then starts again on the same store
        store = reopen(store);
        CronService restarted = service(store);
        clock.set(at("10:01:04"));
        restarted.tick();
        tickEverySecond(restarted, "10:01:05", "10:02:01");

        assertThat(runs.calls()).containsExactly(
                "2026-03-02T10:00:00Z submit ns/nightly-1772445600",
                "2026-03-02T10:01:04Z submit ns/nightly-1772445660",
                "2026-03-02T10:02:00Z submit ns/nightly-1772445720");
    }

    @Test
    void twoEnginesSharingTheStoreStartEachScheduledTimeOnce() throws Exception {
        put("nightly", "schedules: ['* * * * *']");
        CronService first = service(store);
        Store second = secondEngineStore(store);
        CronService other = service(second);
        runs.synchronizeListing(2);
        ExecutorService engines = Executors.newFixedThreadPool(2);
        List<String> outcomes = new ArrayList<>();
        try {
            for (int minute = 0; minute < 5; minute++) {
                clock.set(at("10:00:00").plus(Duration.ofMinutes(minute)));
                // both engines read the cron workflow at the same version before either decides
                Future<List<CronOutcome>> a = engines.submit(first::tick);
                Future<List<CronOutcome>> b = engines.submit(other::tick);
                for (CronOutcome o : List.of(a.get().getFirst(), b.get().getFirst())) {
                    outcomes.add(o instanceof CronOutcome.Applied applied
                            ? applied.plan().scheduling().getClass().getSimpleName() : o.getClass().getSimpleName());
                }
            }
        } finally {
            engines.shutdownNow();
            if (second != store) {
                second.close();
            }
        }

        assertThat(runs.calls()).containsExactly(
                "2026-03-02T10:00:00Z submit ns/nightly-1772445600",
                "2026-03-02T10:01:00Z submit ns/nightly-1772445660",
                "2026-03-02T10:02:00Z submit ns/nightly-1772445720",
                "2026-03-02T10:03:00Z submit ns/nightly-1772445780",
                "2026-03-02T10:04:00Z submit ns/nightly-1772445840");
        assertThat(outcomes).filteredOn("Start"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("Contended"::equals).hasSize(5);
    }

    @Test
    void replaceStopsTheRunningRunBeforeStartingTheNextAndHistoryLimitsDeleteOldRuns() {
        put("nightly", """
                schedules: ['* * * * *']
                concurrencyPolicy: Replace
                failedJobsHistoryLimit: 0
                """);
        CronService service = service(store);

        tickEverySecond(service, "10:00:00", "10:01:03");

        assertThat(runs.calls()).containsExactly(
                "2026-03-02T10:00:00Z submit ns/nightly-1772445600",
                "2026-03-02T10:01:00Z stop ns/nightly-1772445600",
                "2026-03-02T10:01:00Z submit ns/nightly-1772445660",
                "2026-03-02T10:01:01Z delete ns/nightly-1772445600");
        assertThat(store.crons().get("ns", "nightly").orElseThrow().status())
                .isEqualTo(new CronStatus(List.of("nightly-1772445660"), 0, 1, false));
    }

    @Test
    void countsAndTheStopStrategyArePersisted() {
        put("once", """
                schedules: ['* * * * *']
                stopStrategy: {expression: 'cronworkflow.succeeded >= 1'}
                """);
        CronService service = service(store);
        tickEverySecond(service, "10:00:00", "10:00:10");
        runs.finish("ns", "once-1772445600", WorkflowPhase.Succeeded);

        tickEverySecond(service, "10:00:10", "10:03:00");

        assertThat(runs.calls()).containsExactly("2026-03-02T10:00:00Z submit ns/once-1772445600");
        store = reopen(store);
        CronRecord stored = store.crons().get("ns", "once").orElseThrow();
        assertThat(stored.status()).isEqualTo(new CronStatus(List.of(), 1, 0, true));
    }

    @Test
    void suspendedCronWorkflowsStartNothing() {
        store.crons().put(new CronRecord("ns", "paused", yaml("paused", "schedules: ['* * * * *']"), true, null,
                CREATED));
        put("off", "schedules: ['* * * * *']\nsuspend: true");

        tickEverySecond(service(store), "10:00:00", "10:02:00");

        assertThat(runs.calls()).isEmpty();
    }

    @Test
    void anUnschedulableCronWorkflowIsReportedWithItsFieldAndTheOthersStillFire() {
        put("broken", "schedules: ['* * * * *']\ntimezone: Mars/Olympus_Mons");
        put("nightly", "schedules: ['* * * * *']");
        clock.set(at("10:00:00"));

        List<CronOutcome> outcomes = service(store).tick();

        assertThat(outcomes).containsExactly(
                new CronOutcome.Unschedulable("ns", "broken", List.of("spec.timezone: unknown time zone"
                        + " 'Mars/Olympus_Mons' (use an IANA name such as Europe/Paris or America/New_York)")),
                outcomes.get(1));
        assertThat(((CronOutcome.Applied) outcomes.get(1)).plan().scheduling())
                .isEqualTo(new Scheduling.Start(at("10:00:00"), "nightly-1772445600"));
        assertThat(runs.calls()).containsExactly("2026-03-02T10:00:00Z submit ns/nightly-1772445600");
    }

    @Test
    void theProductionTimerTicksOnItsOwn() throws InterruptedException {
        put("nightly", "schedules: ['* * * * *']");
        clock.set(at("10:00:00"));
        CronService service = service(store);

        service.start(Duration.ofMillis(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runs.calls().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        service.close();

        assertThat(runs.calls()).containsExactly("2026-03-02T10:00:00Z submit ns/nightly-1772445600");
    }
}
