package dev.baton.engine.core;

import dev.baton.engine.core.scope.JsonText;
import dev.baton.engine.core.scope.Scope;
import dev.baton.engine.core.scope.ScopeSource;
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
        scope.bind(prefix, new NodeSource(node, declared));
    }

    /** A finished node's status and outputs, read from the node when a tag asks for them. */
    private record NodeSource(NodeState node, TemplateSpec declared) implements ScopeSource {
        private static final String PARAMETERS = "outputs.parameters.";
        private static final String ARTIFACTS = "outputs.artifacts.";

        private boolean neverRan() {
            return node.phase() == NodePhase.Skipped || node.phase() == NodePhase.Omitted;
        }

        @Override
        public String get(String suffix) {
            switch (suffix) {
                case "id":
                    return node.id();
                case "status":
                    return node.phase().name();
                case "hostNodeName":
                    return "localhost";
                case "startedAt":
                    return node.startedAt() == null ? null : timestamp(node.startedAt());
                case "finishedAt":
                    return node.finishedAt() == null ? null : timestamp(node.finishedAt());
                case "exitCode":
                    return node.exitCode();
                case "outputs.result":
                    return node.result();
                default:
                    break;
            }
            if (suffix.startsWith(PARAMETERS)) {
                String name = suffix.substring(PARAMETERS.length());
                String value = node.outputParameters().get(name);
                return value != null || !neverRan() ? value : declaredDefault(name);
            }
            if (suffix.startsWith(ARTIFACTS)) {
                ArtifactRef ref = node.outputArtifacts().get(suffix.substring(ARTIFACTS.length()));
                return ref == null ? null : ArtifactTags.encode(ref);
            }
            return null;
        }

        @Override
        public boolean isAbsent(String suffix) {
            if (!neverRan()) {
                return false;
            }
            if (suffix.equals("outputs.result")) {
                return node.result() == null;
            }
            if (suffix.startsWith(PARAMETERS) && declared != null) {
                String name = suffix.substring(PARAMETERS.length());
                return declared.outputsOrEmpty().parametersOrEmpty().stream()
                        .anyMatch(p -> p.name().equals(name) && (p.valueFrom() == null
                                || p.valueFrom().defaultValue() == null));
            }
            return false;
        }

        private String declaredDefault(String name) {
            if (declared == null) {
                return null;
            }
            for (ParameterSpec p : declared.outputsOrEmpty().parametersOrEmpty()) {
                if (p.name().equals(name) && p.valueFrom() != null) {
                    return p.valueFrom().defaultValue();
                }
            }
            return null;
        }

        @Override
        public Set<String> suffixes() {
            Set<String> names = new LinkedHashSet<>(List.of("id", "status", "hostNodeName"));
            if (node.startedAt() != null) {
                names.add("startedAt");
            }
            if (node.finishedAt() != null) {
                names.add("finishedAt");
            }
            if (node.exitCode() != null) {
                names.add("exitCode");
            }
            if (node.result() != null || neverRan()) {
                names.add("outputs.result");
            }
            node.outputParameters().keySet().forEach(n -> names.add(PARAMETERS + n));
            node.outputArtifacts().keySet().forEach(n -> names.add(ARTIFACTS + n));
            if (neverRan() && declared != null) {
                declared.outputsOrEmpty().parametersOrEmpty().forEach(p -> names.add(PARAMETERS + p.name()));
            }
            return names;
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
                Map<String, Object> map = new LinkedHashMap<>();
                child.outputParameters().forEach((name, value) -> map.put(name, parseOrTextOfParameter(value)));
                parameterMaps.add(map);
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
            if (StoredValue.of(value) != null) {
                return values.stream().map(NodeOutputs::parseOrTextOfParameter).toList();
            }
        }
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
        Object stored = storedReference(text);
        if (stored != null) {
            return stored;
        }
        Object json = tryParse(text);
        return json == null ? text : json;
    }

    private static Object parseOrTextOfParameter(String text) {
        Object stored = storedReference(text);
        return stored == null ? text : stored;
    }

    /**
     * A value kept in the artifact store, as it appears in an aggregated list: the core never reads it, so
     * the list names it ({@code {"storedValue": "sha256:…", "size": N}}) instead of holding its text.
     */
    private static Object storedReference(String text) {
        StoredValue stored = StoredValue.of(text);
        if (stored == null) {
            return null;
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("storedValue", stored.digest());
        reference.put("size", stored.size());
        return reference;
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
