package dev.baton.cron.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.cron.core.Scheduling.Idle;
import dev.baton.cron.core.Scheduling.Invalid;
import dev.baton.cron.core.Scheduling.Replace;
import dev.baton.cron.core.Scheduling.Skip;
import dev.baton.cron.core.Scheduling.Start;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.spi.store.CronStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronDeciderTest {
    private static final Instant T10 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant CREATED = T10.minusSeconds(30);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    @Test
    void everyMinuteScheduleStartsOneRunAtEachMinuteFor10SimulatedMinutes() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']", CREATED);

        List<Scheduling> acted = cron.tickEvery(SECOND, CREATED, at("10:10:00"));

        assertThat(acted).containsExactly(
                new Start(at("10:00:00"), "nightly-1772445600"), new Start(at("10:01:00"), "nightly-1772445660"),
                new Start(at("10:02:00"), "nightly-1772445720"), new Start(at("10:03:00"), "nightly-1772445780"),
                new Start(at("10:04:00"), "nightly-1772445840"), new Start(at("10:05:00"), "nightly-1772445900"),
                new Start(at("10:06:00"), "nightly-1772445960"), new Start(at("10:07:00"), "nightly-1772446020"),
                new Start(at("10:08:00"), "nightly-1772446080"), new Start(at("10:09:00"), "nightly-1772446140"));
        assertThat(cron.lastScheduledTime()).isEqualTo(at("10:09:00"));
        assertThat(cron.status().active()).hasSize(10);
    }

    @Test
    void aTickLateBySomeSecondsStillStartsTheTimeItCameFor() {
        CronScenario cron = CronScenario.of("schedule: '*/5 * * * *'", CREATED);
        cron.tick(at("09:59:58"));

        assertThat(cron.tick(at("10:00:07.5")).scheduling()).isEqualTo(new Start(T10, "nightly-1772445600"));
        assertThat(cron.tick(at("10:00:08")).scheduling()).isEqualTo(new Idle());
    }

    @Test
    void forbidSkipsWhileARunIsActiveAndStartsOnceItFinished() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nconcurrencyPolicy: Forbid", CREATED);
        cron.tick(at("10:00:00"));

        CronPlan second = cron.tick(at("10:01:00"));
        cron.finish("nightly-1772445600", WorkflowPhase.Succeeded, at("10:01:30"));
        CronPlan third = cron.tick(at("10:02:00"));

        assertThat(second.scheduling()).isEqualTo(new Skip(at("10:01:00"), SkipReason.FORBIDDEN,
                "concurrencyPolicy Forbid and nightly-1772445600 still running"));
        assertThat(second.lastScheduledTime()).isEqualTo(T10);
        assertThat(third.scheduling()).isEqualTo(new Start(at("10:02:00"), "nightly-1772445720"));
        assertThat(third.status()).isEqualTo(new CronStatus(List.of("nightly-1772445720"), 1, 0, false));
    }

    @Test
    void forbidDoesNotStartASkippedTimeLaterWhenTheBlockingRunFinishes() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nconcurrencyPolicy: Forbid", CREATED);
        cron.tick(at("10:00:00"));
        assertThat(cron.tick(at("10:01:00")).scheduling()).isInstanceOf(Skip.class);

        cron.finish("nightly-1772445600", WorkflowPhase.Failed, at("10:01:00.5"));

        assertThat(cron.tick(at("10:01:01")).scheduling()).isEqualTo(new Idle());
        assertThat(cron.status().failed()).isEqualTo(1);
    }

    @Test
    void replaceStopsTheActiveRunsThenStartsTheNewOne() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nconcurrencyPolicy: Replace", CREATED);
        cron.tick(at("10:00:00"));

        CronPlan plan = cron.tick(at("10:01:00"));

        assertThat(plan.scheduling()).isEqualTo(
                new Replace(List.of("nightly-1772445600"), at("10:01:00"), "nightly-1772445660"));
        // the stopped run is counted (as failed) once it has actually stopped
        assertThat(plan.status().active()).containsExactly("nightly-1772445600", "nightly-1772445660");
        cron.finish("nightly-1772445600", WorkflowPhase.Failed, at("10:01:01"));
        assertThat(cron.tick(at("10:01:02")).status())
                .isEqualTo(new CronStatus(List.of("nightly-1772445660"), 0, 1, false));
    }

    @Test
    void replaceWithNothingRunningJustStarts() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nconcurrencyPolicy: Replace", CREATED);

        assertThat(cron.tick(at("10:00:00")).scheduling()).isEqualTo(new Start(T10, "nightly-1772445600"));
    }

    @Test
    void allowStartsBesideRunsStillGoing() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nconcurrencyPolicy: Allow", CREATED);
        cron.tick(at("10:00:00"));

        CronPlan plan = cron.tick(at("10:01:00"));

        assertThat(plan.scheduling()).isEqualTo(new Start(at("10:01:00"), "nightly-1772445660"));
        assertThat(plan.status().active()).containsExactly("nightly-1772445600", "nightly-1772445660");
    }

    @Test
    void afterAnHourOfDowntimeWithoutStartingDeadlineTheMissedRunsAreNotStarted() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']", CREATED).lastScheduled(at("10:00:00"));

        CronPlan restart = cron.restart().tick(at("11:00:30"));
        CronPlan next = cron.tick(at("11:01:00"));

        assertThat(restart.scheduling()).isEqualTo(new Skip(at("11:00:00"), SkipReason.MISSED,
                "missed the run scheduled at 2026-03-02T11:00:00Z: noticed 30s late,"
                        + " and startingDeadlineSeconds is not set"));
        assertThat(restart.lastScheduledTime()).isEqualTo(at("10:00:00"));
        assertThat(next.scheduling()).isEqualTo(new Start(at("11:01:00"), "nightly-1772449260"));
    }

    @Test
    void afterAnHourOfDowntimeOnlyTheLastMissedRunStartsWithinStartingDeadlineSeconds() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nstartingDeadlineSeconds: 120", CREATED)
                .lastScheduled(at("10:00:00"));

        List<Scheduling> acted = cron.restart().tickEvery(SECOND, at("11:00:45"), at("11:01:00"));

        assertThat(acted).containsExactly(new Start(at("11:00:00"), "nightly-1772449200"));
        assertThat(cron.runNames()).containsExactly("nightly-1772449200");
    }

    @Test
    void aMissedRunPastStartingDeadlineSecondsIsNotStarted() {
        CronScenario cron = CronScenario.of("schedules: ['0 * * * *']\nstartingDeadlineSeconds: 600", CREATED)
                .lastScheduled(at("10:00:00"));

        CronPlan plan = cron.restart().tick(at("11:20:00"));

        assertThat(plan.scheduling()).isEqualTo(new Skip(at("11:00:00"), SkipReason.MISSED,
                "missed the run scheduled at 2026-03-02T11:00:00Z: noticed 1200s late,"
                        + " past startingDeadlineSeconds (600)"));
        assertThat(cron.tick(at("12:00:00")).scheduling()).isEqualTo(new Start(at("12:00:00"), "nightly-1772452800"));
    }

    @Test
    void aCronWorkflowCreatedAfterAScheduledTimeDoesNotRunIt() {
        CronScenario cron = CronScenario.of("schedules: ['0 * * * *']\nstartingDeadlineSeconds: 3600",
                at("10:00:05"));

        assertThat(cron.tick(at("10:00:06")).scheduling()).isEqualTo(new Idle());
    }

    @Test
    void aTimeZoneScheduleFollowsDaylightSavingTime() {
        // New York springs forward on 2026-03-08 (02:00 → 03:00) and falls back on 2026-11-01 (02:00 → 01:00)
        CronScenario spring = CronScenario.of("schedules: ['30 2 * * *']\ntimezone: America/New_York",
                Instant.parse("2026-03-06T12:00:00Z"));
        CronScenario autumn = CronScenario.of("schedules: ['30 1 * * *']\ntimezone: America/New_York",
                Instant.parse("2026-10-30T12:00:00Z"));

        List<Scheduling> springRuns = spring.tickEvery(Duration.ofMinutes(1),
                Instant.parse("2026-03-06T12:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"));
        List<Scheduling> autumnRuns = autumn.tickEvery(Duration.ofMinutes(1),
                Instant.parse("2026-10-30T12:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));

        // 02:30 does not exist on March 8: no run that day; 02:30 EST is 07:30Z, 02:30 EDT is 06:30Z
        assertThat(springRuns).extracting(s -> ((Start) s).scheduledTime()).containsExactly(
                Instant.parse("2026-03-07T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
        // 01:30 happens twice on November 1: one run, at the first (EDT) one
        assertThat(autumnRuns).extracting(s -> ((Start) s).scheduledTime()).containsExactly(
                Instant.parse("2026-10-31T05:30:00Z"), Instant.parse("2026-11-01T05:30:00Z"),
                Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void aScheduleWithAnyHourKeepsRunningThroughTheRepeatedHour() {
        CronScenario cron = CronScenario.of("schedules: ['*/30 * * * *']\ntimezone: America/New_York",
                Instant.parse("2026-11-01T04:50:00Z"));

        // 01:00 EDT, 01:30 EDT, then 01:00 EST and 01:30 EST
        assertThat(cron.tickEvery(Duration.ofMinutes(1), Instant.parse("2026-11-01T04:50:00Z"),
                Instant.parse("2026-11-01T06:50:00Z")))
                .extracting(s -> ((Start) s).scheduledTime()).containsExactly(
                        Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T05:30:00Z"),
                        Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void aSuspendedCronWorkflowStartsNothingAndResumesAtTheNextTime() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']", CREATED).suspend(true);

        List<Scheduling> whileSuspended = cron.tickEvery(SECOND, at("10:00:00"), at("10:02:00"));
        cron.suspend(false);
        CronPlan resumed = cron.tick(at("10:02:00"));

        assertThat(whileSuspended).containsExactly(new Skip(at("10:00:00"), SkipReason.SUSPENDED, "suspended"),
                new Skip(at("10:01:00"), SkipReason.SUSPENDED, "suspended"));
        assertThat(resumed.scheduling()).isEqualTo(new Start(at("10:02:00"), "nightly-1772445720"));
    }

    @Test
    void whenReadsCronworkflowVariablesAndSkipsWhileFalse() {
        CronScenario cron = CronScenario.of("""
                schedules: ['* * * * *']
                when: "{{cronworkflow.failed}} < 1 && '{{cronworkflow.labels.team}}' == 'data'"
                """, CREATED);
        cron.tick(at("10:00:00"));
        cron.finish("nightly-1772445600", WorkflowPhase.Failed, at("10:00:30"));

        CronPlan plan = cron.tick(at("10:01:00"));

        assertThat(plan.scheduling()).isEqualTo(new Skip(at("10:01:00"), SkipReason.WHEN_FALSE,
                "when '1 < 1 && 'data' == 'data'' is false"));
    }

    @Test
    void whenSeesTheLastScheduledTime() {
        CronScenario cron = CronScenario.of("""
                schedules: ['* * * * *']
                when: "'{{cronworkflow.lastScheduledTime}}' != '2026-03-02T10:00:00Z'"
                """, CREATED);

        assertThat(cron.tick(at("10:00:00")).scheduling()).isInstanceOf(Start.class);
        assertThat(cron.tick(at("10:01:00")).scheduling()).isInstanceOf(Skip.class);
    }

    @Test
    void aWhenThatCannotBeEvaluatedIsReportedWithItsField() {
        CronScenario cron = CronScenario.of("schedules: ['* * * * *']\nwhen: \"{{cronworkflow.nope}} == 1\"", CREATED);

        Scheduling s = cron.tick(at("10:00:00")).scheduling();

        assertThat(s).isInstanceOf(Invalid.class);
        assertThat(((Invalid) s).message()).startsWith("spec.when: ").contains("cronworkflow.nope");
    }

    @Test
    void stopStrategyStopsSchedulingOnceItHolds() {
        CronScenario cron = CronScenario.of("""
                schedules: ['* * * * *']
                stopStrategy: {expression: 'cronworkflow.succeeded >= 1'}
                """, CREATED);
        cron.tick(at("10:00:00"));
        cron.tick(at("10:01:00"));
        cron.finish("nightly-1772445600", WorkflowPhase.Succeeded, at("10:01:30"));

        CronPlan stopping = cron.tick(at("10:01:31"));
        CronPlan later = cron.tick(at("10:02:00"));
        cron.finish("nightly-1772445660", WorkflowPhase.Failed, at("10:02:30"));

        assertThat(stopping.status()).isEqualTo(new CronStatus(List.of("nightly-1772445660"), 1, 0, true));
        assertThat(stopping.stateChanged()).isTrue();
        assertThat(later.scheduling()).isEqualTo(new Skip(at("10:02:00"), SkipReason.STOPPED,
                "stopped: its stopStrategy expression 'cronworkflow.succeeded >= 1' held"));
        // still counted after it stopped; and stopped for good, whatever the counts say later
        assertThat(cron.tick(at("10:03:00")).status()).isEqualTo(new CronStatus(List.of(), 1, 1, true));
    }

    @Test
    void historyLimitsDeleteTheOldestFinishedRunsOfEachKind() {
        CronScenario cron = CronScenario.of("schedules: ['0 0 1 1 *']", CREATED);
        for (int i = 1; i <= 5; i++) {
            cron.withRun(new RunInfo("ok-" + i, WorkflowPhase.Succeeded, at("09:0" + i + ":00")));
        }
        cron.withRun(new RunInfo("bad-1", WorkflowPhase.Failed, at("09:01:30")));
        cron.withRun(new RunInfo("bad-2", WorkflowPhase.Error, at("09:02:30")));
        cron.withRun(new RunInfo("bad-3", WorkflowPhase.Failed, at("09:03:30")));
        cron.withRun(new RunInfo("running", WorkflowPhase.Running, null));

        CronPlan plan = cron.tick(at("10:00:00"));

        // defaults: 3 successful, 1 failed (Error counts as failed); running runs are never deleted
        assertThat(plan.deletions()).containsExactly("ok-2", "ok-1", "bad-2", "bad-1");
    }

    @Test
    void historyLimitsCanBeSetAndZeroKeepsNone() {
        CronScenario cron = CronScenario.of(
                "schedules: ['0 0 1 1 *']\nsuccessfulJobsHistoryLimit: 0\nfailedJobsHistoryLimit: 2", CREATED);
        cron.withRun(new RunInfo("ok-1", WorkflowPhase.Succeeded, at("09:01:00")));
        cron.withRun(new RunInfo("bad-1", WorkflowPhase.Failed, at("09:01:30")));
        cron.withRun(new RunInfo("bad-2", WorkflowPhase.Failed, at("09:02:30")));

        assertThat(cron.tick(at("10:00:00")).deletions()).containsExactly("ok-1");
    }

    @Test
    void severalSchedulesAllFireAndTheDeprecatedScheduleStillWorks() {
        CronScenario both = CronScenario.of("schedules: ['0 * * * *', '30 * * * *']", CREATED);
        CronScenario single = CronScenario.of("schedule: '30 * * * *'", CREATED);

        assertThat(both.tickEvery(Duration.ofMinutes(1), at("10:00:00"), at("11:01:00")))
                .extracting(s -> ((Start) s).scheduledTime())
                .containsExactly(at("10:00:00"), at("10:30:00"), at("11:00:00"));
        assertThat(single.tickEvery(Duration.ofMinutes(1), at("10:00:00"), at("11:01:00")))
                .extracting(s -> ((Start) s).scheduledTime()).containsExactly(at("10:30:00"));
    }

    @Test
    void everyDescriptorCountsFromTheLastScheduledTime() {
        CronScenario cron = CronScenario.of("schedules: ['@every 1h30m']", T10);

        assertThat(cron.tickEvery(SECOND.multipliedBy(10), T10, at("15:00:10")))
                .extracting(s -> ((Start) s).scheduledTime())
                .containsExactly(at("11:30:00"), at("13:00:00"), at("14:30:00"));
    }

    @Test
    void anUntouchedCronWorkflowChangesNoState() {
        CronScenario cron = CronScenario.of("schedules: ['0 0 1 1 *']", CREATED);

        CronPlan plan = cron.tick(at("10:00:00"));

        assertThat(plan.scheduling()).isEqualTo(new Idle());
        assertThat(plan.stateChanged()).isFalse();
        assertThat(plan.deletions()).isEmpty();
    }

    @Test
    void aRunThatVanishedLeavesTheActiveListUncountedAndUnknownRunningRunsAreAdopted() {
        CronScenario cron = CronScenario.of("schedules: ['0 0 1 1 *']", CREATED)
                .status(new CronStatus(List.of("gone"), 2, 0, false))
                .withRun(new RunInfo("adopted", WorkflowPhase.Pending, null));

        assertThat(cron.tick(at("10:00:00")).status()).isEqualTo(new CronStatus(List.of("adopted"), 2, 0, false));
    }
}
