package dev.baton.cron.service;

import dev.baton.cron.core.CronDecider;
import dev.baton.cron.core.CronPlan;
import dev.baton.cron.core.CronRules;
import dev.baton.cron.core.CronTick;
import dev.baton.cron.core.RunInfo;
import dev.baton.cron.core.Scheduling;
import dev.baton.cron.schedule.CronSpecException;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.spi.store.CronRecord;
import dev.baton.spi.store.CronStore;
import dev.baton.template.Problem;
import dev.baton.template.yaml.ManifestDocument;
import dev.baton.template.yaml.ManifestReadResult;
import dev.baton.template.yaml.ManifestReader;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Schedules the cron workflows of a {@link CronStore}: each {@link #tick()} reads them, decides with
 * {@link CronDecider} and acts through {@link CronRuns}. A decision that changes a cron workflow's state is first
 * written with {@link CronStore#updateStatus} against the version it was read at, and acted on only if that
 * write wins, so of several engines sharing a store exactly one starts a given scheduled time. The claim comes
 * before the submission: an engine that dies between the two loses that one run rather than starting it twice.
 */
public final class CronService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CronService.class.getName());

    private final CronStore store;
    private final CronRuns runs;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final ManifestReader reader = new ManifestReader();
    private final Object tickLock = new Object();
    private Instant previousTick;
    private ScheduledExecutorService timer;

    /**
     * @param defaultZone the time zone of schedules whose cron workflow sets no {@code timezone} (Argo uses the
     *                    controller's local zone)
     */
    public CronService(CronStore store, CronRuns runs, Clock clock, ZoneId defaultZone) {
        this.store = store;
        this.runs = runs;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** Ticks every {@code period} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration period) {
        if (timer != null) {
            throw new IllegalStateException("the cron service is already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "baton-cron");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over every cron workflow at the clock's current time; what it did, cron workflow by cron workflow. */
    public List<CronOutcome> tick() {
        synchronized (tickLock) {
            Instant now = clock.instant();
            Instant since = previousTick;
            List<CronOutcome> outcomes = new ArrayList<>();
            for (CronRecord record : store.list(null)) {
                outcomes.add(tickOne(record, since, now));
            }
            previousTick = now;
            return outcomes;
        }
    }

    private CronOutcome tickOne(CronRecord record, Instant since, Instant now) {
        String ns = record.namespace();
        String name = record.name();
        CronWorkflow cron;
        CronRules rules;
        try {
            cron = read(record);
            rules = CronRules.of(cron, defaultZone);
        } catch (CronSpecException e) {
            return new CronOutcome.Unschedulable(ns, name, e.problems());
        }
        try {
            List<RunInfo> existing = runs.runsOf(ns, name);
            boolean suspended = record.suspended() || Boolean.TRUE.equals(cron.spec().suspend());
            CronPlan plan = CronDecider.decide(new CronTick(cron, rules, suspended, record.createdAt(),
                    record.lastScheduledTime(), record.status(), since, now, existing));
            if (plan.stateChanged() && !store.updateStatus(ns, name, record.statusVersion(),
                    plan.lastScheduledTime(), plan.status())) {
                return new CronOutcome.Contended(ns, name);
            }
            act(cron, plan);
            return new CronOutcome.Applied(ns, name, plan);
        } catch (RuntimeException e) {
            // one cron workflow whose runs cannot be reached must not stop the others; the next tick retries
            return new CronOutcome.Failed(ns, name, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void act(CronWorkflow cron, CronPlan plan) {
        String ns = cron.metadata().namespace();
        switch (plan.scheduling()) {
            case Scheduling.Start start -> runs.submit(ns, ScheduledWorkflows.of(cron, start.scheduledTime()));
            case Scheduling.Replace replace -> {
                for (String run : replace.stop()) {
                    runs.stop(ns, run);
                }
                runs.submit(ns, ScheduledWorkflows.of(cron, replace.scheduledTime()));
            }
            case Scheduling.Skip skip -> { }
            case Scheduling.Idle idle -> { }
            case Scheduling.Invalid invalid -> { }
        }
        for (String run : plan.deletions()) {
            runs.delete(ns, run);
        }
    }

    /** The stored yaml as a CronWorkflow whose metadata carries the stored namespace and name. */
    private CronWorkflow read(CronRecord record) {
        String where = record.namespace() + "/" + record.name();
        ManifestReadResult result = reader.read(where, record.yaml());
        if (!result.problems().isEmpty()) {
            throw new CronSpecException(result.problems().stream().map(Problem::format).toList());
        }
        List<CronWorkflow> crons = result.documents().stream().map(ManifestDocument::manifest)
                .filter(CronWorkflow.class::isInstance).map(CronWorkflow.class::cast).toList();
        if (crons.size() != 1 || result.documents().size() != 1) {
            throw new CronSpecException(List.of(where + ": expected one CronWorkflow document, found "
                    + result.documents().size() + " document(s) of which " + crons.size() + " CronWorkflow(s)"));
        }
        CronWorkflow cron = crons.getFirst();
        ObjectMeta meta = cron.metadata() == null ? ObjectMeta.named(record.name())
                : cron.metadata().withName(record.name());
        meta = new ObjectMeta(meta.name(), meta.generateName(), record.namespace(),
                meta.labels(), meta.annotations(), meta.uid(), meta.resourceVersion(), meta.generation(),
                meta.creationTimestamp(), meta.ownerReferences(), meta.finalizers(), meta.managedFields());
        return new CronWorkflow(cron.apiVersion(), cron.kind(), meta, cron.spec(), cron.status());
    }

    private void tickLogged() {
        try {
            for (CronOutcome outcome : tick()) {
                switch (outcome) {
                    case CronOutcome.Applied a when a.plan().scheduling() instanceof Scheduling.Idle -> { }
                    case CronOutcome.Applied a -> LOG.log(Level.INFO, "{0}/{1}: {2}", a.namespace(), a.name(),
                            a.plan().scheduling());
                    case CronOutcome.Contended c -> { }
                    case CronOutcome.Unschedulable u -> LOG.log(Level.WARNING, "{0}/{1} cannot be scheduled: {2}",
                            u.namespace(), u.name(), String.join("; ", u.problems()));
                    case CronOutcome.Failed f -> LOG.log(Level.WARNING, "{0}/{1}: {2}", f.namespace(), f.name(),
                            f.message());
                }
            }
        } catch (RuntimeException e) {
            // the store could not be listed: a scheduled executor would stop ticking for good on an exception
            LOG.log(Level.WARNING, "cron tick failed; retrying at the next tick", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
