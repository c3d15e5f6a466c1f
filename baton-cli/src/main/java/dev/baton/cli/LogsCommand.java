package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;
import dev.baton.server.ArtifactStores;
import dev.baton.server.StoredRuns;

import dev.baton.engine.runtime.durable.StoredJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import dev.baton.cli.remote.RemoteOptions;
import dev.baton.cli.remote.RemoteRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code baton logs RUN [NODE]}: the standard output (or error) each step of a recorded run wrote. */
@Command(name = "logs", description = "Prints what the steps of a recorded run wrote.")
final class LogsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = StoredJson.mapper();

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's name (or uid).")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "One node: display name, name or id.")
    String node;

    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The run's namespace.")
    String namespace;

    @Option(names = "--stderr", description = "Standard error instead of standard output.")
    boolean stderr;

    @Option(names = {"-f", "--follow"}, description = "On a server: goes on printing while steps run.")
    boolean follow;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() throws Exception {
        if (remote.configured()) {
            if (stderr) {
                System.err.println("baton: --stderr works on local runs only; a server sends both streams together");
                return Baton.EXIT_INVALID;
            }
            return new RemoteRuns(remote, namespace).logs(name, node, follow);
        }
        if (follow) {
            System.err.println("baton: -f follows a run on a server (--server or BATON_SERVER); local logs are "
                    + "complete once a step ends");
            return Baton.EXIT_INVALID;
        }
        try (Store store = StoreAccess.open(BatonHome.resolve());
             ArtifactStore artifacts = ArtifactStores.open(BatonHome.resolve())) {
            Optional<RunRecord> run = StoredRuns.find(store, namespace, name);
            if (run.isEmpty()) {
                System.err.println("baton: no run named '" + name + "' in namespace " + namespace);
                return 1;
            }
            List<NodeRow> nodes = store.log().nodes(run.get().uid()).stream()
                    .filter(n -> node == null || node.equals(n.displayName()) || node.equals(n.name())
                            || node.equals(n.nodeId()))
                    .sorted(java.util.Comparator.comparing(n -> n.startedAt() == null ? java.time.Instant.MAX
                            : n.startedAt()))
                    .toList();
            if (node != null && nodes.isEmpty()) {
                System.err.println("baton: run '" + name + "' has no node '" + node + "'");
                return 1;
            }
            String stream = stderr ? "stderr" : "stdout";
            for (NodeRow row : nodes) {
                JsonNode logs = JSON.readTree(row.statusJson()).path("logs");
                if (!logs.has(stream)) {
                    continue;
                }
                try (InputStream in = artifacts.open(logs.path(stream).asText())) {
                    print(in, node == null ? row.displayName() + ": " : null);
                }
            }
            System.out.flush();
            return 0;
        }
    }

    /**
     * Copies a step's log to standard output byte for byte (a step may write bytes that are not UTF-8); with a
     * prefix, each line gets it and a last line without a newline gets one.
     */
    private static void print(InputStream in, String prefix) throws IOException {
        if (prefix == null) {
            in.transferTo(System.out);
            return;
        }
        byte[] label = prefix.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        BufferedInputStream buffered = new BufferedInputStream(in);
        int b;
        while ((b = buffered.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                System.out.write(label);
                line.writeTo(System.out);
                line.reset();
            }
        }
        if (line.size() > 0) {
            System.out.write(label);
            line.writeTo(System.out);
            System.out.write('\n');
        }
    }
}
