package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;
import dev.baton.server.ArtifactStores;
import dev.baton.server.StoredRuns;

import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.model.spec.GoDuration;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code baton delete}: removes recorded runs — by name, or by retention ({@code --older-than},
 * {@code --keep}) — and then the artifacts and logs no remaining run refers to.
 */
@Command(name = "delete", description = "Deletes recorded runs and the artifacts only they used.")
final class DeleteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "0..*", description = "Names (or uids) of runs to delete.")
    List<String> names = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The runs' namespace.")
    String namespace;

    @Option(names = "--older-than", paramLabel = "AGE", description = "Finished runs older than this (e.g. 7d, 12h).")
    String olderThan;

    @Option(names = "--keep", paramLabel = "N", description = "Keeps only the newest N finished runs.")
    Integer keep;

    @Override
    public Integer call() throws Exception {
        if (names.isEmpty() && olderThan == null && keep == null) {
            System.err.println("baton: name runs to delete, or give --older-than or --keep");
            return Baton.EXIT_INVALID;
        }
        Duration age = null;
        if (olderThan != null) {
            age = parseAge(olderThan);
            if (age == null) {
                System.err.println("baton: --older-than expects a duration such as 7d, 12h or 30m, not '"
                        + olderThan + "'");
                return Baton.EXIT_INVALID;
            }
        }
        try (Store store = StoreAccess.open(BatonHome.resolve());
             ArtifactStore artifacts = ArtifactStores.open(BatonHome.resolve())) {
            Set<String> uids = new LinkedHashSet<>();
            for (String name : names) {
                Optional<RunRecord> run = StoredRuns.find(store, namespace, name);
                if (run.isEmpty()) {
                    System.err.println("baton: no run named '" + name + "' in namespace " + namespace);
                    return 1;
                }
                uids.add(run.get().uid());
            }
            if (age != null) {
                uids.addAll(store.runs().finishedRunsOlderThan(Instant.now().minus(age)));
            }
            if (keep != null) {
                uids.addAll(store.runs().finishedRunsBeyondNewest(Math.max(0, keep)));
            }
            for (String uid : uids) {
                store.runs().delete(uid);
            }
            int collected = artifacts.collectGarbage(store.artifactIndex().liveDigests());
            System.err.println("deleted " + uids.size() + " run(s); removed " + collected + " unreferenced blob(s)");
            return 0;
        }
    }

    /** Go durations plus days ({@code 7d}). */
    static Duration parseAge(String text) {
        String t = text.trim();
        if (t.endsWith("d")) {
            try {
                return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return GoDuration.parse(t).orElse(null);
    }
}
