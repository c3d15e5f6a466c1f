package dev.baton.engine.core;

import dev.baton.engine.core.scope.JsonText;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Publishes a finished step's or task's status and outputs as {@code steps.X.*} / {@code tasks.X.*}. */
final class NodeOutputs {
    private NodeOutputs() {
    }

    /** One node (no loop). {@code declared} is the called template, used for outputs of skipped nodes. */
    static void publish(Scope scope, String prefix, NodeState node, TemplateSpec declared) {
        scope.put(prefix + ".id", node.id());
        scope.put(prefix + ".status", node.phase().name());
        scope.put(prefix + ".hostNodeName", "localhost");
        if (node.startedAt() != null) {
            scope.put(prefix + ".startedAt", timestamp(node.startedAt()));
        }
        if (node.finishedAt() != null) {
            scope.put(prefix + ".finishedAt", timestamp(node.finishedAt()));
        }
        if (node.exitCode() != null) {
            scope.put(prefix + ".exitCode", node.exitCode());
        }
        boolean neverRan = node.phase() == NodePhase.Skipped || node.phase() == NodePhase.Omitted;
        if (node.result() != null) {
            scope.put(prefix + ".outputs.result", node.result());
        } else if (neverRan) {
            scope.putAbsent(prefix + ".outputs.result");
        }
        node.outputParameters().forEach((name, value) -> scope.put(prefix + ".outputs.parameters." + name, value));
        node.outputArtifacts().forEach((name, ref) ->
                scope.put(prefix + ".outputs.artifacts." + name, ArtifactTags.encode(ref)));
        if (neverRan && declared != null) {
            for (ParameterSpec p : declared.outputsOrEmpty().parametersOrEmpty()) {
                String name = prefix + ".outputs.parameters." + p.name();
                if (p.valueFrom() != null && p.valueFrom().defaultValue() != null) {
                    scope.put(name, p.valueFrom().defaultValue());
                } else {
                    scope.putAbsent(name);
                }
            }
        }
    }

    /** A loop: results and parameters of the Succeeded children, aggregated into JSON lists. */
    static void publishLoop(Scope scope, String prefix, NodeState group, List<NodeState> unordered) {
        List<NodeState> children = new ArrayList<>(unordered);
        children.sort(java.util.Comparator.comparingInt(NodeOutputs::loopIndex));
        scope.put(prefix + ".id", group.id());
        scope.put(prefix + ".status", group.phase().name());
        List<Object> results = new ArrayList<>();
        List<Object> parameterMaps = new ArrayList<>();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        boolean anyResult = false;
        for (NodeState child : children) {
            if (child.phase() != NodePhase.Succeeded) {
                continue;
            }
            if (child.result() != null) {
                anyResult = true;
                results.add(parseOrText(child.result()));
            }
            if (!child.outputParameters().isEmpty()) {
                parameterMaps.add(new LinkedHashMap<>(child.outputParameters()));
                child.outputParameters().forEach((name, value) ->
                        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
            }
        }
        if (anyResult || !children.isEmpty()) {
            scope.put(prefix + ".outputs.result", JsonText.write(results));
        }
        scope.put(prefix + ".outputs.parameters", JsonText.write(parameterMaps));
        Set<String> names = new LinkedHashSet<>(byName.keySet());
        for (String name : names) {
            scope.put(prefix + ".outputs.parameters." + name, JsonText.write(aggregate(byName.get(name))));
        }
    }

    private static List<Object> aggregate(List<String> values) {
        List<Object> parsed = new ArrayList<>();
        for (String value : values) {
            Object json = tryParse(value);
            if (!(json instanceof Map<?, ?>) && !(json instanceof List<?>)) {
                return new ArrayList<>(values);
            }
            parsed.add(json);
        }
        return parsed;
    }

    private static Object parseOrText(String text) {
        Object json = tryParse(text);
        return json == null ? text : json;
    }

    private static Object tryParse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return JsonText.read(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The item index in a loop child's name {@code step(3:item)}; children without one sort last. */
    static int loopIndex(NodeState node) {
        String name = node.name();
        int open = name.lastIndexOf('(');
        int colon = open < 0 ? -1 : name.indexOf(':', open);
        if (colon < 0) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(name.substring(open + 1, colon));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String timestamp(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
