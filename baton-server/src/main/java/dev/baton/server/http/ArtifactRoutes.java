package dev.baton.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.auth.Action;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Argo Server's artifact download: a node's output artifact, streamed from the artifact store. */
public final class ArtifactRoutes {
    private final Store store;
    private final ArtifactStore artifacts;

    private static final String MAIN_LOGS = "main-logs";

    public ArtifactRoutes(Store store, ArtifactStore artifacts) {
        this.store = store;
        this.artifacts = artifacts;
    }

    public void register(Api api) {
        api.get("/artifacts/{ns}/{name}/{nodeId}/outputs/{artifactName}", Action.READ, this::download);
    }

    private void download(Context ctx) throws IOException {
        String namespace = ctx.pathParam("ns");
        String name = ctx.pathParam("name");
        RunRecord run = store.runs().find(namespace, name).orElseThrow(() -> ApiError.notFound(
                "no workflow named '" + name + "' in namespace " + namespace));
        String nodeId = ctx.pathParam("nodeId");
        NodeRow node = NodeLookup.byId(store, run.uid(), nodeId).orElseThrow(() -> ApiError.notFound(
                "workflow '" + name + "' has no node '" + nodeId + "'"));
        String artifactName = ctx.pathParam("artifactName");
        JsonNode artifact = null;
        for (JsonNode a : NodeLookup.status(node).path("outputs").path("artifacts")) {
            if (a.path("name").asText().equals(artifactName)) {
                artifact = a;
            }
        }
        JsonNode log = NodeLookup.status(node).path("logs").path("stdout");
        if (artifact == null && MAIN_LOGS.equals(artifactName) && log.isTextual()) {
            // Argo's archived log: the step's standard output byte for byte, unlike the JSON of the log endpoint
            ctx.contentType("text/plain");
            ctx.header("Content-Disposition", "attachment; filename=\"main.log\"");
            try (InputStream in = artifacts.open(log.asText())) {
                OutputStream out = ctx.res().getOutputStream();
                in.transferTo(out);
                out.flush();
            }
            return;
        }
        if (artifact == null || !artifact.hasNonNull("digest")) {
            throw ApiError.notFound("node '" + node.displayName() + "' has no output artifact '" + artifactName
                    + "'");
        }
        boolean directory = artifact.path("directory").asBoolean(false);
        ctx.contentType(directory ? "application/gzip" : "application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"" + artifactName + (directory ? ".tgz" : "")
                + "\"");
        ctx.header("Content-Length", Long.toString(artifact.path("size").asLong()));
        try (InputStream in = artifacts.open(artifact.path("digest").asText())) {
            OutputStream out = ctx.res().getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }
}
