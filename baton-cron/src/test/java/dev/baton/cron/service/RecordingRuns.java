package dev.baton.cron.service;

import dev.baton.cron.core.RunInfo;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.Workflow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the server's side of {@link CronRuns}: it keeps the submitted workflows as runs whose phase the
 * test sets, and records every call with the clock's time. Thread-safe.
 */
final class RecordingRuns implements CronRuns {
    private final Clock clock;
    private final Map<String, Workflow> submitted = new LinkedHashMap<>();
    private final Map<String, RunInfo> runs = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private volatile CyclicBarrier listingBarrier;

    RecordingRuns(Clock clock) {
        this.clock = clock;
    }

    /** Makes {@code parties} engines wait for each other after listing runs, before they decide. */
    void synchronizeListing(int parties) {
        listingBarrier = new CyclicBarrier(parties);
    }

    @Override
    public synchronized void submit(String namespace, Workflow workflow) {
        String name = workflow.metadata().name();
        if (submitted.containsKey(namespace + "/" + name)) {
            throw new IllegalStateException("run " + name + " already exists");
        }
        calls.add(clock.instant() + " submit " + namespace + "/" + name);
        submitted.put(namespace + "/" + name, workflow);
        runs.put(namespace + "/" + name, new RunInfo(name, WorkflowPhase.Running, null));
    }

    @Override
    public List<RunInfo> runsOf(String namespace, String cronName) {
        List<RunInfo> out;
        synchronized (this) {
            out = new ArrayList<>();
            for (Map.Entry<String, Workflow> e : submitted.entrySet()) {
                Workflow wf = e.getValue();
                if (wf.metadata().namespace().equals(namespace)
                        && cronName.equals(wf.metadata().labels().get(ScheduledWorkflows.CRON_WORKFLOW_LABEL))
                        && runs.containsKey(e.getKey())) {
                    out.add(runs.get(e.getKey()));
                }
            }
        }
        CyclicBarrier barrier = listingBarrier;
        if (barrier != null) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other engine did not list its runs", e);
            }
        }
        return out;
    }

    @Override
    public synchronized void stop(String namespace, String runName) {
        calls.add(clock.instant() + " stop " + namespace + "/" + runName);
        RunInfo run = runs.get(namespace + "/" + runName);
        if (run != null && !run.phase().isFinished()) {
            runs.put(namespace + "/" + runName, new RunInfo(runName, WorkflowPhase.Failed, clock.instant()));
        }
    }

    @Override
    public synchronized void delete(String namespace, String runName) {
        calls.add(clock.instant() + " delete " + namespace + "/" + runName);
        runs.remove(namespace + "/" + runName);
    }

    synchronized void finish(String namespace, String runName, WorkflowPhase phase) {
        runs.put(namespace + "/" + runName, new RunInfo(runName, phase, clock.instant()));
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized Workflow submitted(String namespace, String runName) {
        return submitted.get(namespace + "/" + runName);
    }
}
