package dev.baton.server.http;

import dev.baton.server.auth.Action;
import dev.baton.server.runs.RunEvents;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Argo Server's workflow event stream as Server-Sent Events: one {@code {"result":{"type":"MODIFIED",
 * "object":Workflow}}} per change of a run, in order. Watching one run by name ends the stream after its final
 * change; watching a namespace goes on until the client leaves.
 */
public final class EventRoutes {
    private static final String NAME_SELECTOR = "metadata.name=";
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private final RunEvents events;

    public EventRoutes(RunEvents events) {
        this.events = events;
    }

    public void register(Api api) {
        api.get("/api/v1/workflow-events/{ns}", Action.READ, this::watch);
    }

    private void watch(Context ctx) throws IOException, InterruptedException {
        String namespace = ctx.pathParam("ns");
        String name = runName(ctx.queryParam("listOptions.fieldSelector"));
        ctx.status(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        try (RunEvents.Subscription subscription = events.subscribe(namespace, name)) {
            send(out, ": watching\n\n");
            long idle = 0;
            while (true) {
                RunEvents.Change change = subscription.poll(500);
                if (change == null) {
                    idle += 500;
                    if (idle >= KEEP_ALIVE_MILLIS) {
                        send(out, ": keep-alive\n\n");
                        idle = 0;
                    }
                    continue;
                }
                idle = 0;
                send(out, "data: " + Json.MAPPER.writeValueAsString(Map.of("result",
                        Map.of("type", "MODIFIED", "object", change.workflow()))) + "\n\n");
                if (name != null && change.finished()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code metadata.name=NAME} → NAME; no selector → null (the whole namespace). */
    static String runName(String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        if (!selector.startsWith(NAME_SELECTOR) || selector.contains(",")) {
            throw ApiError.badRequest("listOptions.fieldSelector supports only metadata.name=NAME, not '"
                    + selector + "'");
        }
        return selector.substring(NAME_SELECTOR.length());
    }
}
