package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;
import dev.baton.server.StoredRuns;

import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.cli.remote.RemoteOptions;
import dev.baton.cli.remote.RemoteRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code baton get RUN}: one recorded run with its nodes. */
@Command(name = "get", description = "Shows a recorded run and its nodes.")
final class GetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The run's name (or uid).")
    String name;

    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The run's namespace.")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml: the Workflow object.")
    String output;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() throws Exception {
        if (remote.configured()) {
            return new RemoteRuns(remote, namespace).get(name, output);
        }
        if (!Output.valid(output)) {
            return Baton.EXIT_INVALID;
        }
        try (Store store = StoreAccess.open(BatonHome.resolve())) {
            Optional<RunRecord> record = StoredRuns.find(store, namespace, name);
            if (record.isEmpty()) {
                System.err.println("baton: no run named '" + name + "' in namespace " + namespace);
                return 1;
            }
            RunRecord run = record.get();
            if (output != null) {
                Output.print(output, StoredRuns.workflow(store, run));
                return 0;
            }
            System.out.println("Name:      " + run.name());
            System.out.println("Namespace: " + run.namespace());
            System.out.println("Phase:     " + run.phase());
            System.out.println("Created:   " + run.createdAt());
            if (run.startedAt() != null) {
                System.out.println("Duration:  " + ProgressPrinter.format(Duration.between(run.startedAt(),
                        run.finishedAt() != null ? run.finishedAt() : java.time.Instant.now())));
            }
            if (run.message() != null) {
                System.out.println("Message:   " + run.message());
            }
            System.out.println();
            System.out.printf("%-50s %-10s %-10s %-10s %s%n", "NODE", "TYPE", "PHASE", "DURATION", "MESSAGE");
            for (NodeRow node : store.log().nodes(run.uid())) {
                String duration = node.startedAt() == null || node.finishedAt() == null ? ""
                        : ProgressPrinter.format(Duration.between(node.startedAt(), node.finishedAt()));
                System.out.printf("%-50s %-10s %-10s %-10s %s%n", node.name(), node.type(), node.phase(), duration,
                        messageOf(node));
            }
            return 0;
        }
    }

    private static String messageOf(NodeRow node) throws java.io.IOException {
        return JSON.readTree(node.statusJson()).path("message").asText("");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            dev.baton.engine.runtime.durable.StoredJson.mapper();
}
