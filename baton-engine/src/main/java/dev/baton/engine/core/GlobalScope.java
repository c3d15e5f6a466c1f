package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.engine.core.scope.JsonText;
import dev.baton.model.spec.ObjectMeta;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code workflow.*} variables every template can use. */
final class GlobalScope {
    private static final String SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";
    private static final String STRFTIME_CHARS = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ";

    private GlobalScope() {
    }

    static Scope of(RunContext context) {
        Scope scope = Scope.root();
        scope.put("workflow.name", context.runName());
        scope.put("workflow.namespace", context.namespace());
        scope.put("workflow.uid", context.uid());
        scope.put("workflow.status", "Running");
        scope.put("workflow.mainEntrypoint", context.spec().entrypoint());
        scope.put("workflow.serviceAccountName",
                context.spec().pod() == null || context.spec().pod().serviceAccountName() == null
                        ? "default" : context.spec().pod().serviceAccountName());
        scope.put("workflow.priority", context.spec().priority() == null ? "0"
                : context.spec().priority().toString());
        putTimestamps(scope, context.createdAt().atZone(ZoneOffset.UTC));
        putParameters(scope, context.parameters());
        ObjectMeta meta = context.workflow().metadata();
        putMap(scope, "workflow.labels", meta == null ? null : meta.labels());
        putMap(scope, "workflow.annotations", meta == null ? null : meta.annotations());
        if (meta != null && meta.annotations() != null && meta.annotations().containsKey(SCHEDULED_TIME)) {
            // a cron workflow's run: Argo reads workflow.scheduledTime from this annotation
            scope.put("workflow.scheduledTime", meta.annotations().get(SCHEDULED_TIME));
        }
        return scope;
    }

    private static void putParameters(Scope scope, Map<String, String> parameters) {
        List<Object> list = new ArrayList<>();
        parameters.forEach((name, value) -> {
            scope.put("workflow.parameters." + name, value);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("value", value);
            list.add(entry);
        });
        String json = JsonText.write(list);
        scope.put("workflow.parameters.json", json);
        scope.put("workflow.parameters", json);
    }

    private static void putMap(Scope scope, String prefix, Map<String, String> values) {
        Map<String, String> map = values == null ? Map.of() : values;
        map.forEach((k, v) -> scope.put(prefix + "." + k, v));
        String json = JsonText.write(new LinkedHashMap<>(map));
        scope.put(prefix + ".json", json);
        scope.put(prefix, json);
    }

    private static void putTimestamps(Scope scope, ZonedDateTime created) {
        String rfc3339 = DateTimeFormatter.ISO_INSTANT.format(created.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        scope.put("workflow.creationTimestamp", rfc3339);
        scope.put("workflow.creationTimestamp.RFC3339", rfc3339);
        for (char c : STRFTIME_CHARS.toCharArray()) {
            String value = Strftime.format(c, created);
            if (value != null) {
                scope.put("workflow.creationTimestamp." + c, value);
            }
        }
    }
}
