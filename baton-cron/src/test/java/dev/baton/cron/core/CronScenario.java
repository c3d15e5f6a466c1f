package dev.baton.cron.core;

import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.spi.store.CronStatus;
import dev.baton.template.yaml.ManifestReadResult;
import dev.baton.template.yaml.ManifestReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cron workflow driven through {@link CronDecider} by a fake clock: each tick's plan is applied to the state
 * the way the service would (started runs appear as Running, deleted runs vanish), so a test reads like a
 * timeline.
 */
final class CronScenario {
    private final CronWorkflow cron;
    private final CronRules rules;
    private final Instant createdAt;
    private final Map<String, RunInfo> runs = new LinkedHashMap<>();
    private final List<CronPlan> plans = new ArrayList<>();
    private Instant lastScheduledTime;
    private CronStatus status = CronStatus.NONE;
    private Instant previousTick;
    private boolean suspended;

    private CronScenario(CronWorkflow cron, Instant createdAt) {
        this.cron = cron;
        this.rules = CronRules.of(cron, ZoneOffset.UTC);
        this.createdAt = createdAt;
    }

    /** A cron workflow named {@code nightly} in namespace {@code ns}; {@code spec} is the YAML under spec:. */
    static CronScenario of(String spec, Instant createdAt) {
        return new CronScenario(read(spec), createdAt);
    }

    static CronWorkflow read(String spec) {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: nightly
                  namespace: ns
                  labels: {team: data}
                spec:
                """ + spec.indent(2) + """
                  workflowSpec:
                    entrypoint: main
                    templates:
                      - name: main
                        container: {image: alpine, command: [echo, hi]}
                """;
        ManifestReadResult result = new ManifestReader().read("cron.yaml", yaml);
        if (!result.problems().isEmpty()) {
            throw new IllegalArgumentException(result.problems().toString());
        }
        return (CronWorkflow) result.documents().getFirst().manifest();
    }

    /** One tick at {@code now}; the previous tick (if any) bounds which times are still to decide. */
    CronPlan tick(Instant now) {
        CronPlan plan = CronDecider.decide(new CronTick(cron, rules, suspended, createdAt, lastScheduledTime, status,
                previousTick, now, List.copyOf(runs.values())));
        previousTick = now;
        lastScheduledTime = plan.lastScheduledTime();
        status = plan.status();
        switch (plan.scheduling()) {
            case Scheduling.Start s -> runs.put(s.runName(), new RunInfo(s.runName(), WorkflowPhase.Running, null));
            // the replaced runs stay Running until a test finishes them: stopping takes effect asynchronously
            case Scheduling.Replace r -> runs.put(r.runName(), new RunInfo(r.runName(), WorkflowPhase.Running, null));
            default -> { }
        }
        plan.deletions().forEach(runs::remove);
        plans.add(plan);
        return plan;
    }

    /** Ticks every {@code step} from {@code from} (inclusive) to {@code to} (exclusive); the plans that did something. */
    List<Scheduling> tickEvery(Duration step, Instant from, Instant to) {
        List<Scheduling> acted = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            Scheduling s = tick(t).scheduling();
            if (!(s instanceof Scheduling.Idle)) {
                acted.add(s);
            }
        }
        return acted;
    }

    /** Forgets the previous tick, as an engine does when it starts. */
    CronScenario restart() {
        previousTick = null;
        return this;
    }

    CronScenario finish(String run, WorkflowPhase phase, Instant at) {
        runs.put(run, new RunInfo(run, phase, at));
        return this;
    }

    CronScenario withRun(RunInfo run) {
        runs.put(run.name(), run);
        return this;
    }

    CronScenario suspend(boolean value) {
        suspended = value;
        return this;
    }

    CronScenario lastScheduled(Instant time) {
        lastScheduledTime = time;
        return this;
    }

    CronScenario status(CronStatus value) {
        status = value;
        return this;
    }

    CronStatus status() {
        return status;
    }

    Instant lastScheduledTime() {
        return lastScheduledTime;
    }

    List<String> runNames() {
        return List.copyOf(runs.keySet());
    }
}
