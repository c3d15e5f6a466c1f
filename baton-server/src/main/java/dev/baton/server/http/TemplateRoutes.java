package dev.baton.server.http;

import dev.baton.server.auth.Action;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TemplateKind;
import dev.baton.spi.store.TemplateRecord;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo Server's WorkflowTemplate and ClusterWorkflowTemplate endpoints. Every create or update stores a new
 * revision; {@code metadata.resourceVersion} is the revision, and {@code ?revision=N} reads an older one.
 */
public final class TemplateRoutes {
    private final Store store;
    private final RequestBodies bodies;
    private final Clock clock;
    private final TemplateKind kind;

    public TemplateRoutes(Store store, RequestBodies bodies, Clock clock, TemplateKind kind) {
        this.store = store;
        this.bodies = bodies;
        this.clock = clock;
        this.kind = kind;
    }

    public void register(Api api) {
        if (kind == TemplateKind.WORKFLOW_TEMPLATE) {
            String base = "/api/v1/workflow-templates/{ns}";
            api.post(base, Action.WRITE, this::create);
            api.get(base, Action.READ, this::list);
            api.get(base + "/{name}", Action.READ, this::get);
            api.put(base + "/{name}", Action.WRITE, this::update);
            api.delete(base + "/{name}", Action.WRITE, this::delete);
        } else {
            String base = "/api/v1/cluster-workflow-templates";
            api.post(base, Action.ADMIN, this::create);
            api.get(base, Action.READ, this::list);
            api.get(base + "/{name}", Action.READ, this::get);
            api.put(base + "/{name}", Action.ADMIN, this::update);
            api.delete(base + "/{name}", Action.ADMIN, this::delete);
        }
    }

    private String namespace(Context ctx) {
        return kind == TemplateKind.WORKFLOW_TEMPLATE ? ctx.pathParam("ns") : "";
    }

    private void create(Context ctx) throws IOException {
        String ns = namespace(ctx);
        ManifestBodies.Checked checked = ManifestBodies.read(ctx, bodies, store, ns, "template", kind.argoKind(),
                null, null);
        if (store.templates().latest(kind, ns, checked.name()).isPresent()) {
            throw ApiError.conflict(kind.argoKind() + " '" + checked.name() + "' already exists"
                    + (ns.isEmpty() ? "" : " in namespace " + ns) + "; update it with PUT");
        }
        ctx.json(object(store.templates().put(kind, ns, checked.name(), checked.yaml(), clock.instant())));
    }

    private void update(Context ctx) throws IOException {
        String ns = namespace(ctx);
        String name = ctx.pathParam("name");
        find(ns, name);
        ManifestBodies.Checked checked = ManifestBodies.read(ctx, bodies, store, ns, "template", kind.argoKind(),
                kind, name);
        if (!checked.name().equals(name)) {
            throw ApiError.badRequest("metadata.name '" + checked.name() + "' does not match the path's '" + name
                    + "'");
        }
        ctx.json(object(store.templates().put(kind, ns, name, checked.yaml(), clock.instant())));
    }

    private void list(Context ctx) throws IOException {
        List<Object> items = new ArrayList<>();
        for (TemplateRecord t : store.templates().listLatest(kind, namespace(ctx))) {
            items.add(object(t));
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("metadata", Map.of());
        list.put("items", items);
        ctx.json(list);
    }

    private void get(Context ctx) throws IOException {
        String ns = namespace(ctx);
        String name = ctx.pathParam("name");
        String revision = ctx.queryParam("revision");
        if (revision == null || revision.isBlank()) {
            ctx.json(object(find(ns, name)));
            return;
        }
        int n;
        try {
            n = Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("revision must be a whole number, not '" + revision + "'");
        }
        ctx.json(object(store.templates().revision(kind, ns, name, n).orElseThrow(() -> ApiError.notFound(
                kind.argoKind() + " '" + name + "' has no revision " + n))));
    }

    private void delete(Context ctx) {
        String ns = namespace(ctx);
        String name = ctx.pathParam("name");
        if (!store.templates().delete(kind, ns, name)) {
            throw notFound(ns, name);
        }
        ctx.json(Map.of());
    }

    private TemplateRecord find(String ns, String name) {
        return store.templates().latest(kind, ns, name).orElseThrow(() -> notFound(ns, name));
    }

    private ApiError notFound(String ns, String name) {
        return ApiError.notFound("no " + kind.argoKind() + " named '" + name + "'"
                + (ns.isEmpty() ? "" : " in namespace " + ns));
    }

    private Map<String, Object> object(TemplateRecord t) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", t.name());
        if (!t.namespace().isEmpty()) {
            meta.put("namespace", t.namespace());
        }
        meta.put("resourceVersion", Integer.toString(t.revision()));
        meta.put("creationTimestamp", t.createdAt().toString());
        return ManifestBodies.object(t.yaml(), meta);
    }
}
