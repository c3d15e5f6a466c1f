package dev.baton.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.runtime.WorkLayout;
import dev.baton.server.auth.Action;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.store.NodeRow;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.Store;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo Server's log endpoint: each line a step wrote as {@code {"result":{"content":…,"podName":…}}}, one JSON
 * object per line. A finished step's log comes from the artifact store; a running step's is read from its work
 * area as it grows, until the step ends ({@code logOptions.follow=true}).
 */
public final class LogRoutes {
    private static final String[] STREAMS = {"stdout", "stderr"};
    private static final long POLL_MILLIS = 200;
    private final Store store;
    private final ArtifactStore artifacts;
    private final WorkLayout work;

    public LogRoutes(Store store, ArtifactStore artifacts, Path workRoot) {
        this.store = store;
        this.artifacts = artifacts;
        this.work = new WorkLayout(workRoot);
    }

    public void register(Api api) {
        api.get("/api/v1/workflows/{ns}/{name}/log", Action.READ, this::log);
    }

    private void log(Context ctx) throws IOException, InterruptedException {
        String namespace = ctx.pathParam("ns");
        String name = ctx.pathParam("name");
        RunRecord run = store.runs().find(namespace, name).orElseThrow(() -> ApiError.notFound(
                "no workflow named '" + name + "' in namespace " + namespace));
        String podName = ctx.queryParam("podName");
        String container = ctx.queryParam("logOptions.container");
        if (container != null && !container.isBlank() && !container.equals("main")) {
            throw ApiError.badRequest("logOptions.container must be main (steps run one process), not '"
                    + container + "'");
        }
        boolean follow = "true".equals(ctx.queryParam("logOptions.follow"));
        List<NodeRow> pods = NodeLookup.matching(store, run, podName).stream()
                .filter(n -> n.type().equals("Pod"))
                .sorted(Comparator.comparing(n -> n.startedAt() == null ? java.time.Instant.MAX : n.startedAt()))
                .toList();
        if (podName != null && !podName.isBlank() && pods.isEmpty()) {
            throw ApiError.notFound("workflow '" + name + "' has no step '" + podName + "'");
        }
        ctx.contentType("application/x-ndjson");
        OutputStream out = ctx.res().getOutputStream();
        for (NodeRow pod : pods) {
            stream(run, pod, follow, out);
        }
        out.flush();
    }

    /** Writes a step's lines: from its work area while it runs (following), then the rest from its stored log. */
    private void stream(RunRecord run, NodeRow pod, boolean follow, OutputStream out)
            throws IOException, InterruptedException {
        long[] sent = new long[STREAMS.length];
        NodeRow current = pod;
        while (current.finishedAt() == null) {
            Path area = workArea(run, pod.nodeId());
            for (int i = 0; i < STREAMS.length; i++) {
                if (area != null) {
                    sent[i] += emitFile(area.resolve(STREAMS[i] + ".log"), sent[i], pod, out);
                }
            }
            if (!follow) {
                return;
            }
            out.flush();
            Thread.sleep(POLL_MILLIS);
            current = NodeLookup.byId(store, run.uid(), pod.nodeId()).orElse(null);
            if (current == null) {
                return;
            }
        }
        JsonNode logs = NodeLookup.status(current).path("logs");
        for (int i = 0; i < STREAMS.length; i++) {
            if (logs.hasNonNull(STREAMS[i])) {
                try (InputStream in = artifacts.open(logs.get(STREAMS[i]).asText())) {
                    in.skipNBytes(Math.min(sent[i], Long.MAX_VALUE));
                    emitLines(in.readAllBytes(), true, pod, out);
                } catch (java.io.EOFException e) {
                    // the stored log is shorter than what was already sent from the work area: nothing left
                }
            }
        }
    }

    /** The running attempt's work area ({@link WorkLayout}), the highest attempt. */
    private Path workArea(RunRecord run, String nodeId) throws IOException {
        Path runDir = work.runDirectory(run.namespace(), run.uid());
        if (!Files.isDirectory(runDir)) {
            return null;
        }
        Path best = null;
        int bestAttempt = -1;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runDir,
                p -> p.getFileName().toString().startsWith(nodeId + "-"))) {
            for (Path p : entries) {
                String rest = p.getFileName().toString().substring(nodeId.length() + 1);
                if (rest.chars().allMatch(Character::isDigit) && !rest.isEmpty()
                        && Integer.parseInt(rest) > bestAttempt) {
                    bestAttempt = Integer.parseInt(rest);
                    best = p;
                }
            }
        }
        return best;
    }

    /** Sends the complete lines written after {@code offset}; returns how many bytes they took. */
    private static long emitFile(Path file, long offset, NodeRow pod, OutputStream out) throws IOException {
        byte[] bytes;
        // a step must not make the server read another file through a link in its work area
        try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() <= offset) {
                return 0;
            }
            channel.position(offset);
            bytes = java.nio.channels.Channels.newInputStream(channel).readAllBytes();
        } catch (java.nio.file.FileSystemException e) {
            // not there yet, or a link (refused)
            return 0;
        }
        return emitLines(bytes, false, pod, out);
    }

    /** Sends each line; a last line without a newline only when {@code all}. Returns the bytes consumed. */
    private static long emitLines(byte[] bytes, boolean all, NodeRow pod, OutputStream out) throws IOException {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                write(new String(bytes, start, i - start, StandardCharsets.UTF_8), pod, out);
                start = i + 1;
            }
        }
        if (all && start < bytes.length) {
            write(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), pod, out);
            start = bytes.length;
        }
        return start;
    }

    private static void write(String line, NodeRow pod, OutputStream out) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("content", line);
        result.put("podName", pod.name());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Json.MAPPER.writeValue(buffer, Map.of("result", result));
        buffer.write('\n');
        buffer.writeTo(out);
    }
}
