package dev.baton.cron.core;

import dev.baton.cron.schedule.CronSchedule;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.spi.store.CronStatus;
import dev.baton.template.expr.Expr;
import dev.baton.template.expr.ExprException;
import dev.baton.template.subst.Substitution;
import dev.baton.template.subst.SubstitutionException;
import dev.baton.template.subst.Unresolved;
import dev.baton.template.subst.Variables;
import dev.baton.template.when.WhenCondition;
import dev.baton.template.when.WhenException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, without I/O or clock reads, what one cron workflow does at one tick. In order: count the runs that
 * finished since the last tick and adopt runs it does not know; stop it for good if its stop expression holds;
 * find the latest scheduled time due since the last decision and start it, skip it or replace the runs still
 * going with it; pick the finished runs past the history limits.
 */
public final class CronDecider {

    /**
     * How late a scheduled time may be noticed and still count as on time. The service ticks every second; a time
     * noticed later than this was missed (the engine was stopped, or the machine asleep) and follows the rule for
     * missed times: started only within {@code startingDeadlineSeconds}.
     */
    public static final Duration ON_TIME = Duration.ofSeconds(10);

    private CronDecider() {
    }

    public static CronPlan decide(CronTick tick) {
        CronStatus counted = count(tick.status(), tick.runs());
        String stopProblem = null;
        boolean stopped = counted.stopped();
        if (!stopped && tick.rules().stopExpression() != null) {
            try {
                stopped = stopHolds(tick, counted);
            } catch (ExprException e) {
                stopProblem = "spec.stopStrategy.expression: " + e.getMessage();
            }
        }
        CronStatus status = new CronStatus(counted.active(), counted.succeeded(), counted.failed(), stopped);
        Scheduling scheduling = stopProblem != null ? new Scheduling.Invalid(stopProblem) : schedule(tick, status);
        Instant lastScheduled = tick.lastScheduledTime();
        if (scheduling instanceof Scheduling.Start start) {
            lastScheduled = start.scheduledTime();
            status = withActive(status, start.runName());
        } else if (scheduling instanceof Scheduling.Replace replace) {
            lastScheduled = replace.scheduledTime();
            status = withActive(status, replace.runName());
        }
        boolean changed = !status.equals(tick.status()) || !Objects.equals(lastScheduled, tick.lastScheduledTime());
        return new CronPlan(lastScheduled, status, scheduling, deletions(tick), changed);
    }

    /** The name of the run started for a scheduled time, as Argo names it. */
    public static String runName(String cronName, Instant scheduledTime) {
        return cronName + "-" + scheduledTime.getEpochSecond();
    }

    /**
     * Runs that were active and have finished are counted (Error counts as failed) and leave the active list; runs
     * gone without finishing leave it uncounted; unfinished runs it did not list are adopted, as Argo does.
     */
    static CronStatus count(CronStatus status, List<RunInfo> runs) {
        Map<String, RunInfo> byName = runs.stream()
                .collect(Collectors.toMap(RunInfo::name, Function.identity(), (a, b) -> a));
        Set<String> active = new LinkedHashSet<>();
        long succeeded = status.succeeded();
        long failed = status.failed();
        for (String name : status.active()) {
            RunInfo run = byName.get(name);
            if (run == null) {
                continue;
            }
            if (!run.phase().isFinished()) {
                active.add(name);
            } else if (run.phase() == WorkflowPhase.Succeeded) {
                succeeded++;
            } else {
                failed++;
            }
        }
        for (RunInfo run : runs) {
            if (!run.phase().isFinished()) {
                active.add(run.name());
            }
        }
        return new CronStatus(List.copyOf(active), succeeded, failed, status.stopped());
    }

    private static boolean stopHolds(CronTick tick, CronStatus counted) {
        Object result = Expr.compile(tick.rules().stopExpression())
                .evaluate(CronVariables.nested(tick.cron(), tick.lastScheduledTime(), counted));
        if (result instanceof Boolean b) {
            return b;
        }
        throw new ExprException(tick.rules().stopExpression(), "expected a boolean, got " + result);
    }

    private static Scheduling schedule(CronTick tick, CronStatus status) {
        Optional<Instant> due = dueTime(tick);
        if (due.isEmpty()) {
            return new Scheduling.Idle();
        }
        Instant time = due.get();
        Duration late = Duration.between(time, tick.now());
        Duration allowed = tick.rules().startingDeadline() == null || tick.rules().startingDeadline().compareTo(ON_TIME) < 0
                ? ON_TIME : tick.rules().startingDeadline();
        if (late.compareTo(allowed) > 0) {
            return new Scheduling.Skip(time, SkipReason.MISSED, "missed the run scheduled at " + time + ": noticed "
                    + late.toSeconds() + "s late" + (tick.rules().startingDeadline() == null
                    ? ", and startingDeadlineSeconds is not set"
                    : ", past startingDeadlineSeconds (" + tick.rules().startingDeadline().toSeconds() + ")"));
        }
        if (tick.suspended()) {
            return new Scheduling.Skip(time, SkipReason.SUSPENDED, "suspended");
        }
        if (status.stopped()) {
            return new Scheduling.Skip(time, SkipReason.STOPPED, "stopped: its stopStrategy expression '"
                    + tick.rules().stopExpression() + "' held");
        }
        if (tick.rules().when() != null) {
            try {
                String substituted = Substitution.apply(tick.rules().when(),
                        Variables.of(CronVariables.flat(tick.cron(), tick.lastScheduledTime(), status)), Unresolved.ERROR);
                if (!WhenCondition.evaluate(substituted)) {
                    return new Scheduling.Skip(time, SkipReason.WHEN_FALSE, "when '" + substituted + "' is false");
                }
            } catch (WhenException | SubstitutionException | ExprException e) {
                return new Scheduling.Invalid("spec.when: " + e.getMessage());
            }
        }
        String run = runName(tick.cron().metadata().name(), time);
        List<String> active = status.active();
        return switch (tick.rules().concurrencyPolicy()) {
            case Allow -> new Scheduling.Start(time, run);
            case Forbid -> active.isEmpty() ? new Scheduling.Start(time, run)
                    : new Scheduling.Skip(time, SkipReason.FORBIDDEN, "concurrencyPolicy Forbid and "
                    + String.join(", ", active) + " still running");
            case Replace -> active.isEmpty() ? new Scheduling.Start(time, run)
                    : new Scheduling.Replace(active, time, run);
        };
    }

    /**
     * The latest time any schedule is due after the last scheduled time (or the creation) and after the previous
     * tick, up to now. Only the latest: times missed before it are never started.
     */
    static Optional<Instant> dueTime(CronTick tick) {
        Instant anchor = tick.lastScheduledTime() != null && tick.lastScheduledTime().isAfter(tick.createdAt())
                ? tick.lastScheduledTime() : tick.createdAt();
        Optional<Instant> latest = Optional.empty();
        for (CronSchedule schedule : tick.rules().schedules()) {
            Optional<Instant> due = schedule.latestDue(anchor, tick.now());
            if (due.isPresent() && (latest.isEmpty() || due.get().isAfter(latest.get()))) {
                latest = due;
            }
        }
        return latest.filter(t -> tick.consideredSince() == null || t.isAfter(tick.consideredSince()));
    }

    /** The oldest finished runs beyond the limits, by finish time; successful and failed runs are kept apart. */
    static List<String> deletions(CronTick tick) {
        List<RunInfo> succeeded = new ArrayList<>();
        List<RunInfo> failed = new ArrayList<>();
        for (RunInfo run : tick.runs()) {
            if (run.phase() == WorkflowPhase.Succeeded) {
                succeeded.add(run);
            } else if (run.phase().isFinished()) {
                failed.add(run);
            }
        }
        List<String> out = new ArrayList<>(beyond(succeeded, tick.rules().successfulHistoryLimit()));
        out.addAll(beyond(failed, tick.rules().failedHistoryLimit()));
        return out;
    }

    private static List<String> beyond(List<RunInfo> runs, int keep) {
        Comparator<RunInfo> newestFirst = Comparator.comparing(RunInfo::finishedAt,
                Comparator.nullsLast(Comparator.reverseOrder()));
        return runs.stream().sorted(newestFirst.thenComparing(RunInfo::name)).skip(keep).map(RunInfo::name).toList();
    }

    private static CronStatus withActive(CronStatus status, String run) {
        List<String> active = new ArrayList<>(status.active());
        if (!active.contains(run)) {
            active.add(run);
        }
        return new CronStatus(active, status.succeeded(), status.failed(), status.stopped());
    }
}
