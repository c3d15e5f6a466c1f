package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;

import dev.baton.spi.store.Page;
import dev.baton.spi.store.RunQuery;
import dev.baton.spi.store.RunSummary;
import dev.baton.spi.store.Store;
import dev.baton.cli.remote.RemoteOptions;
import dev.baton.cli.remote.RemoteRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code baton list}: the runs recorded in the store, newest first. */
@Command(name = "list", description = "Lists recorded runs, newest first.")
final class ListCommand implements Callable<Integer> {
    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            description = "Only runs of this namespace (on a server: default).")
    String namespace;

    @Option(names = "--phase", paramLabel = "PHASE", description = "Only runs in these phases (repeatable).")
    List<String> phases = new ArrayList<>();

    @Option(names = "--limit", defaultValue = "50", description = "At most this many runs (default 50).")
    int limit;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml instead of a table.")
    String output;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() throws Exception {
        if (remote.configured()) {
            return new RemoteRuns(remote, namespace).list(phases, limit, output);
        }
        if (!Output.valid(output)) {
            return Baton.EXIT_INVALID;
        }
        try (Store store = StoreAccess.open(BatonHome.resolve())) {
            RunQuery query = RunQuery.all().limit(Math.max(1, Math.min(limit, 1000)));
            if (namespace != null) {
                query = query.inNamespace(namespace);
            }
            if (!phases.isEmpty()) {
                query = query.withPhases(new LinkedHashSet<>(phases));
            }
            Page<RunSummary> page = store.runs().list(query);
            if (output != null) {
                List<Object> items = new ArrayList<>();
                for (RunSummary run : page.items()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("namespace", run.namespace());
                    item.put("name", run.name());
                    item.put("uid", run.uid());
                    item.put("phase", run.phase());
                    item.put("createdAt", String.valueOf(run.createdAt()));
                    item.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
                    item.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
                    item.put("message", run.message());
                    items.add(item);
                }
                Output.print(output, Map.of("items", items));
                return 0;
            }
            System.out.printf("%-40s %-10s %-20s %-10s %s%n", "NAME", "PHASE", "CREATED", "DURATION", "MESSAGE");
            for (RunSummary run : page.items()) {
                System.out.printf("%-40s %-10s %-20s %-10s %s%n", run.name(), run.phase(),
                        run.createdAt().toString().substring(0, 19).replace('T', ' '),
                        duration(run.startedAt(), run.finishedAt()), run.message() == null ? "" : run.message());
            }
            return 0;
        }
    }

    private static String duration(Instant start, Instant end) {
        if (start == null) {
            return "";
        }
        return ProgressPrinter.format(Duration.between(start, end == null ? Instant.now() : end));
    }
}
