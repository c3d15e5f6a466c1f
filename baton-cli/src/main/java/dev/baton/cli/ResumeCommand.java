package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.EngineOwner;
import dev.baton.server.StoreAccess;

import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.durable.RunRecovery;
import dev.baton.engine.runtime.durable.StoreJournal;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.spi.store.Lease;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.cli.remote.RemoteOptions;
import dev.baton.cli.remote.RemoteRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code baton resume [RUN...]}: continues unfinished runs recorded in the store, in the foreground. */
@Command(name = "resume", description = "Continues unfinished runs (all of them when none is named).")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "0..*", description = "Names of the runs to continue.")
    List<String> names = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The runs' namespace.")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "Prints each final workflow as json or yaml.")
    String output;

    @Option(names = "--keep-work", description = "Keeps each step's private work directory for inspection.")
    boolean keepWork;

    @Option(names = "--max-parallel-steps", paramLabel = "N", description = "How many steps may run at once.")
    Integer maxParallelSteps;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() throws Exception {
        if (remote.configured()) {
            return new RemoteRuns(remote, namespace).resume(names);
        }
        if (!Output.valid(output)) {
            return Baton.EXIT_INVALID;
        }
        Clock clock = Clock.systemUTC();
        String owner = StoreAccess.owner();
        try (Store store = StoreAccess.open(BatonHome.resolve())) {
            List<Lease> leases = new ArrayList<>();
            if (names.isEmpty()) {
                int unfinished = unfinishedCount(store);
                leases.addAll(claimUnfinished(store, owner, clock));
                if (unfinished == 0) {
                    System.err.println("baton: no unfinished runs to resume");
                    return 0;
                }
                if (leases.isEmpty()) {
                    System.err.println("baton: " + unfinished + " unfinished run(s) are being run by another engine");
                    return 1;
                }
            } else {
                for (String name : names) {
                    Optional<RunRecord> record = store.runs().find(namespace, name);
                    if (record.isEmpty()) {
                        System.err.println("baton: no run named '" + name + "' in namespace " + namespace);
                        return Baton.EXIT_INVALID;
                    }
                    if (record.get().finished()) {
                        System.err.println("baton: run '" + name + "' already finished (" + record.get().phase() + ")");
                        continue;
                    }
                    Optional<Lease> lease = claim(store, record.get().uid(), owner, clock);
                    if (lease.isEmpty()) {
                        System.err.println("baton: run '" + name + "' is being run by another engine");
                        return 1;
                    }
                    leases.add(lease.get());
                }
            }
            int status = 0;
            for (Lease lease : leases) {
                status = Math.max(status, resume(store, lease, owner, clock));
            }
            return status;
        }
    }

    /**
     * Claims a run. When it is still owned — as it is right after the engine that ran it died — the run is taken
     * over at once if that engine was on this machine and its process is gone; otherwise this waits up to one
     * lease period for the claim to run out.
     */
    private static Optional<Lease> claim(Store store, String uid, String owner, Clock clock)
            throws InterruptedException {
        long deadline = System.nanoTime() + RunCommand.LEASE.plusSeconds(5).toNanos();
        boolean told = false;
        while (true) {
            Optional<Lease> lease = store.leases().acquire(uid, owner, RunCommand.LEASE, clock.instant());
            if (lease.isPresent() || System.nanoTime() > deadline) {
                return lease;
            }
            Optional<String> holder = store.leases().holder(uid, clock.instant());
            if (holder.isPresent() && EngineOwner.gone(holder.get())) {
                lease = store.leases().takeOver(uid, holder.get(), owner, RunCommand.LEASE, clock.instant());
                if (lease.isPresent()) {
                    System.err.println("the engine that ran it (" + holder.get() + ") is gone; taking the run over");
                    return lease;
                }
                continue;
            }
            if (!told) {
                System.err.println("waiting for the previous engine's claim on the run to expire (at most "
                        + RunCommand.LEASE.toSeconds() + " s)");
                told = true;
            }
            Thread.sleep(500);
        }
    }

    private static int unfinishedCount(Store store) {
        return store.runs().list(dev.baton.spi.store.RunQuery.all().limit(1000)
                .withPhases(java.util.Set.of("Pending", "Running"))).items().size();
    }

    /** Every unfinished run, including those whose previous engine's claim has not expired yet. */
    private static List<Lease> claimUnfinished(Store store, String owner, Clock clock) throws InterruptedException {
        List<Lease> leases = new ArrayList<>();
        var page = store.runs().list(dev.baton.spi.store.RunQuery.all().limit(1000)
                .withPhases(java.util.Set.of("Pending", "Running")));
        for (var run : page.items()) {
            if (run.finishedAt() == null) {
                claim(store, run.uid(), owner, clock).ifPresent(leases::add);
            }
        }
        return leases;
    }

    private int resume(Store store, Lease lease, String owner, Clock clock) throws Exception {
        RunRecord record = store.runs().findByUid(lease.runUid()).orElseThrow();
        RunState restored = RunRecovery.restore(store, record);
        System.err.println("Resuming " + restored.runName() + " (" + restored.outstanding().size()
                + " step(s), timer(s) or request(s) in flight)");
        StoreJournal journal = new StoreJournal(store, owner, clock, RunCommand.LEASE).resuming(lease);
        RunState state = Engine.open(BatonHome.resolve(), clock, keepWork, maxParallelSteps).memoizingIn(store)
                .repositoryFor(restored.context().spec(), restored.context().namespace())
                .run(loop -> loop.journal(journal).resume(restored));
        Output.print(output, dev.baton.engine.runtime.WorkflowView.of(state));
        System.err.println(state.runName() + " " + state.phase() + (state.message() != null ? ": " + state.message() : ""));
        return state.phase() == WorkflowPhase.Succeeded ? 0 : 1;
    }
}
