package dev.baton.cron.core;

import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.spi.store.CronStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code cronworkflow.*} variables {@code when} and {@code stopStrategy.expression} read: name, namespace,
 * labels, annotations, lastScheduledTime (RFC 3339, empty before the first run), failed and succeeded.
 */
final class CronVariables {

    private CronVariables() {
    }

    /** Flat names for {@code {{cronworkflow.…}}} tags, values as text. */
    static Map<String, String> flat(CronWorkflow cron, Instant lastScheduledTime, CronStatus status) {
        Map<String, String> vars = new HashMap<>();
        ObjectMeta meta = cron.metadata();
        vars.put("cronworkflow.name", meta == null || meta.name() == null ? "" : meta.name());
        vars.put("cronworkflow.namespace", meta == null || meta.namespace() == null ? "" : meta.namespace());
        vars.put("cronworkflow.lastScheduledTime", lastScheduledTime == null ? "" : lastScheduledTime.toString());
        vars.put("cronworkflow.failed", Long.toString(status.failed()));
        vars.put("cronworkflow.succeeded", Long.toString(status.succeeded()));
        Map<String, String> labels = labels(cron);
        Map<String, String> annotations = annotations(cron);
        labels.forEach((k, v) -> vars.put("cronworkflow.labels." + k, v));
        annotations.forEach((k, v) -> vars.put("cronworkflow.annotations." + k, v));
        vars.put("cronworkflow.labels.json", json(labels));
        vars.put("cronworkflow.annotations.json", json(annotations));
        return vars;
    }

    /** The nested {@code cronworkflow} object for expressions, with numbers as numbers. */
    static Map<String, Object> nested(CronWorkflow cron, Instant lastScheduledTime, CronStatus status) {
        Map<String, Object> object = new LinkedHashMap<>();
        ObjectMeta meta = cron.metadata();
        object.put("name", meta == null ? null : meta.name());
        object.put("namespace", meta == null ? null : meta.namespace());
        object.put("labels", labels(cron));
        object.put("annotations", annotations(cron));
        object.put("lastScheduledTime", lastScheduledTime == null ? null : lastScheduledTime.toString());
        object.put("failed", status.failed());
        object.put("succeeded", status.succeeded());
        Map<String, Object> env = new HashMap<>();
        env.put("cronworkflow", object);
        return env;
    }

    private static Map<String, String> labels(CronWorkflow cron) {
        return cron.metadata() == null || cron.metadata().labels() == null
                ? new TreeMap<>() : new TreeMap<>(cron.metadata().labels());
    }

    private static Map<String, String> annotations(CronWorkflow cron) {
        return cron.metadata() == null || cron.metadata().annotations() == null
                ? new TreeMap<>() : new TreeMap<>(cron.metadata().annotations());
    }

    private static String json(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        map.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':').append(quote(v));
        });
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
