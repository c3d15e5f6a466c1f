package dev.baton.cron.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.cron.core.ConcurrencyPolicy;
import dev.baton.cron.core.CronRules;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.template.yaml.ManifestReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:17:42Z");

    private static CronWorkflow cron(String spec) {
        String yaml = "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: c}\nspec:\n"
                + spec.indent(2) + "  workflowSpec: {entrypoint: main}\n";
        return (CronWorkflow) new ManifestReader().read("c.yaml", yaml).documents().getFirst().manifest();
    }

    private static CronRules rules(String spec) {
        return CronRules.of(cron(spec), ZoneOffset.UTC);
    }

    private static Instant latest(String schedule) {
        return rules("schedule: '" + schedule + "'").schedules().getFirst()
                .latestDue(Instant.EPOCH, NOW).orElseThrow();
    }

    @Test
    void readsFiveFieldsNamesStepsAndQuestionMarksAsRobfigDoes() {
        assertThat(latest("*/15 9-17 * * MON-FRI")).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
        assertThat(latest("0 0 ? * *")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(latest("0 0 1 JAN *")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        // day of month OR day of week when both are restricted: the 13th, or a Friday
        assertThat(latest("0 0 13 * 5")).isEqualTo(Instant.parse("2026-02-27T00:00:00Z"));
    }

    @Test
    void readsDescriptors() {
        assertThat(latest("@hourly")).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(latest("@daily")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(latest("@midnight")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(latest("@weekly")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(latest("@monthly")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(latest("@yearly")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(latest("@annually")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(rules("schedule: '@every 1h30m'").schedules().getFirst())
                .isEqualTo(new EverySchedule("@every 1h30m", Duration.ofMinutes(90)));
    }

    @Test
    void usesTheTimezoneFieldThenACronTzPrefixThenTheDefaultZone() {
        CronRules paris = rules("schedules: ['0 9 * * *']\ntimezone: Europe/Paris");
        CronRules prefixed = rules("schedules: ['CRON_TZ=Asia/Tokyo 0 9 * * *']\ntimezone: Europe/Paris");
        CronRules local = CronRules.of(cron("schedules: ['0 9 * * *']"), ZoneId.of("America/New_York"));

        assertThat(paris.schedules().getFirst().latestDue(Instant.EPOCH, NOW))
                .contains(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(prefixed.schedules().getFirst().latestDue(Instant.EPOCH, NOW))
                .contains(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(local.schedules().getFirst().latestDue(Instant.EPOCH, NOW))
                .contains(Instant.parse("2026-03-01T14:00:00Z"));
    }

    @Test
    void readsPoliciesAndLimitsWithArgosDefaults() {
        CronRules defaults = rules("schedule: '@hourly'");
        CronRules set = rules("""
                schedule: '@hourly'
                concurrencyPolicy: Replace
                startingDeadlineSeconds: 90
                successfulJobsHistoryLimit: 7
                failedJobsHistoryLimit: -1
                stopStrategy: {expression: 'cronworkflow.failed > 2'}
                """);

        assertThat(defaults).isEqualTo(new CronRules(defaults.schedules(), ConcurrencyPolicy.Allow, null, 3, 1,
                null, null));
        assertThat(set).isEqualTo(new CronRules(set.schedules(), ConcurrencyPolicy.Replace, Duration.ofSeconds(90),
                7, 1, null, "cronworkflow.failed > 2"));
    }

    @Test
    void reportsEveryProblemWithItsField() {
        assertThatThrownBy(() -> rules("""
                schedules: ['0 * * * *', '61 * * * *', '* * * *', '@fortnightly', '@every soon']
                timezone: Mars/Olympus_Mons
                concurrencyPolicy: Sometimes
                startingDeadlineSeconds: -5
                stopStrategy: {expression: 'cronworkflow.failed >'}
                """))
                .isInstanceOfSatisfying(CronSpecException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("spec.timezone: unknown time zone 'Mars/Olympus_Mons'"
                                + " (use an IANA name such as Europe/Paris or America/New_York)"),
                        p -> assertThat(p).startsWith("spec.schedules[1]: '61 * * * *' is not a valid cron expression"),
                        p -> assertThat(p).isEqualTo("spec.schedules[2]: '* * * *' has 4 fields; a schedule has 5"
                                + " (minute hour day-of-month month day-of-week)"),
                        p -> assertThat(p).startsWith("spec.schedules[3]: unknown descriptor '@fortnightly'"),
                        p -> assertThat(p).isEqualTo("spec.schedules[4]: '@every soon': 'soon' is not a duration"
                                + " (write it like 90s, 15m or 1h30m)"),
                        p -> assertThat(p).isEqualTo(
                                "spec.concurrencyPolicy: 'Sometimes' is not one of Allow, Forbid, Replace"),
                        p -> assertThat(p).isEqualTo("spec.startingDeadlineSeconds: must not be negative, got -5"),
                        p -> assertThat(p).startsWith("spec.stopStrategy.expression: ")));
    }

    @Test
    void aCronWorkflowNeedsExactlyOneKindOfSchedule() {
        assertThatThrownBy(() -> rules("suspend: false"))
                .hasMessage("spec.schedules: a cron workflow needs at least one schedule, e.g. schedules: ['0 * * * *']");
        assertThatThrownBy(() -> rules("schedule: '@daily'\nschedules: ['@hourly']"))
                .hasMessage("spec.schedule: set either schedules or the deprecated schedule, not both");
    }
}
