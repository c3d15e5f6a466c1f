package dev.baton.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.model.spec.Manifest;
import dev.baton.server.runs.StoredLibrary;
import dev.baton.server.runs.WorkflowSubmission;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TemplateKind;
import dev.baton.template.LoadResult;
import dev.baton.template.LoadedDocument;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a template or cron workflow from a request — {@code {"template": {...}}} (or another wrapper key) as
 * JSON, or the document itself as YAML — and validates it with the namespace's stored templates as library.
 */
final class ManifestBodies {
    private ManifestBodies() {
    }

    /** A valid document: its name, its YAML text as stored, and its bound form. */
    record Checked(String name, String yaml, Manifest manifest) {
    }

    static Checked read(Context ctx, RequestBodies bodies, Store store, String namespace, String wrapper,
                        String kind, TemplateKind replacing, String replacedName) throws IOException {
        return read(ctx, bodies, store, namespace, wrapper, kind, replacing, replacedName, manifest -> List.of());
    }

    /**
     * As above, with {@code moreChecks} run on the bound document too (e.g. a cron workflow's scheduling fields), so
     * that the 400 lists its problems beside the validator's.
     */
    static Checked read(Context ctx, RequestBodies bodies, Store store, String namespace, String wrapper,
                        String kind, TemplateKind replacing, String replacedName,
                        Function<Manifest, List<Problem>> moreChecks) throws IOException {
        RequestBodies.Body body = bodies.read(ctx);
        String yaml;
        if (body.format() == RequestBodies.Format.JSON) {
            JsonNode document = WorkflowRoutes.parseJson(body.text()).get(wrapper);
            if (document == null || !document.isObject()) {
                throw ApiError.badRequest("the body must be {\"" + wrapper + "\": {...}} (or a " + kind
                        + " document sent as application/yaml)");
            }
            yaml = Json.YAML.writeValueAsString(document);
        } else {
            yaml = body.text();
        }
        List<WorkflowFiles.Text> texts = new ArrayList<>();
        texts.add(new WorkflowFiles.Text(WorkflowSubmission.BODY, yaml));
        texts.addAll(StoredLibrary.texts(store, namespace, replacing, replacedName));
        LoadResult loaded = WorkflowFiles.loadTexts(texts, List.of(), Map.of());
        List<Problem> problems = new ArrayList<>(loaded.problems().stream()
                .filter(p -> p.file().equals(WorkflowSubmission.BODY)).toList());
        List<Manifest> mine = loaded.documents().stream()
                .filter(d -> d.file().toString().equals(WorkflowSubmission.BODY)).map(LoadedDocument::manifest)
                .toList();
        if (mine.size() == 1 && mine.getFirst().kind().equals(kind)) {
            problems.addAll(moreChecks.apply(mine.getFirst()));
        }
        if (!problems.isEmpty()) {
            throw WorkflowRoutes.invalid(problems);
        }
        if (mine.size() != 1 || !mine.getFirst().kind().equals(kind)) {
            throw ApiError.badRequest("expected one " + kind + " document, got "
                    + mine.stream().map(Manifest::kind).toList());
        }
        Manifest manifest = mine.getFirst();
        String name = manifest.metadata() == null ? null : manifest.metadata().name();
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "Invalid " + kind, "metadata.name is required", List.of(Map.of(
                    "path", "metadata.name", "line", 0, "column", 0, "message", "a " + kind + " needs a name")));
        }
        return new Checked(name, yaml, manifest);
    }

    /** The stored YAML as a JSON tree, with Baton's bookkeeping in {@code metadata}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String yaml, Map<String, Object> metadata) throws IOException {
        Map<String, Object> tree = Json.YAML.readValue(yaml, Map.class);
        Map<String, Object> meta = tree.get("metadata") instanceof Map<?, ?> m
                ? new java.util.LinkedHashMap<>((Map<String, Object>) m) : new java.util.LinkedHashMap<>();
        meta.putAll(metadata);
        tree.put("metadata", meta);
        return tree;
    }
}
