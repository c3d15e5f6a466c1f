package dev.baton.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.runtime.durable.StoredJson;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Finds a run's nodes as Argo clients name them: node id, full name, or display name. */
final class NodeLookup {
    private NodeLookup() {
    }

    static List<NodeRow> matching(Store store, RunRecord run, String node) {
        return store.log().nodes(run.uid()).stream()
                .filter(n -> node == null || node.isBlank() || node.equals(n.nodeId()) || node.equals(n.name())
                        || node.equals(n.displayName()))
                .toList();
    }

    static Optional<NodeRow> byId(Store store, String runUid, String nodeId) {
        return store.log().nodes(runUid).stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
    }

    static JsonNode status(NodeRow row) {
        try {
            return StoredJson.mapper().readTree(row.statusJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
