package dev.baton.cron.core;

import dev.baton.cron.schedule.CronSchedule;
import dev.baton.cron.schedule.CronSpecException;
import dev.baton.cron.schedule.ScheduleParser;
import dev.baton.cron.schedule.ScheduleParser.ScheduleException;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.CronWorkflowSpec;
import dev.baton.template.expr.Expr;
import dev.baton.template.expr.ExprException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A cron workflow's scheduling fields, read and checked once: its schedules in their time zone, concurrency
 * policy, starting deadline, history limits, {@code when} and stop expression.
 *
 * @param startingDeadline {@code startingDeadlineSeconds}, or null when it is not set
 * @param stopExpression   {@code stopStrategy.expression} (or the older {@code condition}), or null
 */
public record CronRules(List<CronSchedule> schedules, ConcurrencyPolicy concurrencyPolicy, Duration startingDeadline,
                        int successfulHistoryLimit, int failedHistoryLimit, String when, String stopExpression) {

    /** Argo's {@code successfulJobsHistoryLimit} default. */
    public static final int DEFAULT_SUCCESSFUL_HISTORY = 3;
    /** Argo's {@code failedJobsHistoryLimit} default. */
    public static final int DEFAULT_FAILED_HISTORY = 1;

    public CronRules {
        schedules = List.copyOf(schedules);
    }

    /**
     * Reads the scheduling fields of {@code cron}; {@code defaultZone} applies when {@code spec.timezone} is
     * empty. Throws {@link CronSpecException} listing every problem, each with its field path.
     */
    public static CronRules of(CronWorkflow cron, ZoneId defaultZone) {
        List<String> problems = new ArrayList<>();
        CronWorkflowSpec spec = cron.spec();
        if (spec == null) {
            throw new CronSpecException(List.of("spec: a CronWorkflow needs a spec with schedules and a workflowSpec"));
        }
        ZoneId zone = defaultZone;
        if (spec.timezone() != null && !spec.timezone().isBlank() && !"Local".equals(spec.timezone())) {
            try {
                zone = ScheduleParser.zone(spec.timezone());
            } catch (ScheduleException e) {
                problems.add("spec.timezone: " + e.getMessage());
            }
        }
        List<CronSchedule> schedules = schedules(spec, zone, problems);
        ConcurrencyPolicy policy = policy(spec.concurrencyPolicy(), problems);
        Duration deadline = null;
        if (spec.startingDeadlineSeconds() != null) {
            if (spec.startingDeadlineSeconds() < 0) {
                problems.add("spec.startingDeadlineSeconds: must not be negative, got " + spec.startingDeadlineSeconds());
            } else {
                deadline = Duration.ofSeconds(spec.startingDeadlineSeconds());
            }
        }
        String stop = null;
        if (spec.stopStrategy() != null) {
            stop = firstNonBlank(spec.stopStrategy().expression(), spec.stopStrategy().condition());
            if (stop == null) {
                problems.add("spec.stopStrategy.expression: an expression is required, e.g. cronworkflow.succeeded >= 1");
            } else {
                try {
                    Expr.compile(stop);
                } catch (ExprException e) {
                    problems.add("spec.stopStrategy.expression: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CronSpecException(problems);
        }
        return new CronRules(schedules, policy, deadline,
                limit(spec.successfulJobsHistoryLimit(), DEFAULT_SUCCESSFUL_HISTORY),
                limit(spec.failedJobsHistoryLimit(), DEFAULT_FAILED_HISTORY),
                spec.when() == null || spec.when().isBlank() ? null : spec.when(), stop);
    }

    private static List<CronSchedule> schedules(CronWorkflowSpec spec, ZoneId zone, List<String> problems) {
        boolean hasList = spec.schedules() != null && !spec.schedules().isEmpty();
        boolean hasSingle = spec.schedule() != null && !spec.schedule().isBlank();
        if (hasList && hasSingle) {
            problems.add("spec.schedule: set either schedules or the deprecated schedule, not both");
            return List.of();
        }
        if (!hasList && !hasSingle) {
            problems.add("spec.schedules: a cron workflow needs at least one schedule, e.g. schedules: ['0 * * * *']");
            return List.of();
        }
        List<String> texts = hasList ? spec.schedules() : List.of(spec.schedule());
        ScheduleParser parser = new ScheduleParser();
        List<CronSchedule> parsed = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String path = hasList ? "spec.schedules[" + i + "]" : "spec.schedule";
            try {
                parsed.add(parser.parse(texts.get(i), zone));
            } catch (ScheduleException e) {
                problems.add(path + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    private static ConcurrencyPolicy policy(String text, List<String> problems) {
        if (text == null || text.isEmpty()) {
            return ConcurrencyPolicy.Allow;
        }
        for (ConcurrencyPolicy p : ConcurrencyPolicy.values()) {
            if (p.name().equals(text)) {
                return p;
            }
        }
        problems.add("spec.concurrencyPolicy: '" + text + "' is not one of Allow, Forbid, Replace");
        return ConcurrencyPolicy.Allow;
    }

    /** Argo keeps the default when the limit is unset or negative. */
    private static int limit(Integer value, int fallback) {
        return value == null || value < 0 ? fallback : value;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
