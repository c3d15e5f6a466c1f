package dev.baton.template.yaml;

import dev.baton.model.spec.IntOrString;
import dev.baton.template.DidYouMean;
import dev.baton.template.Problem;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a plain tree (maps, lists, scalars — from YAML or built in Java) into model records, driven by
 * the binding annotations, collecting every problem with its path rather than stopping at the first.
 */
public final class RecordBinder {
    private final List<Problem> problems = new ArrayList<>();

    private RecordBinder() {
    }

    public static <T> Bound<T> bind(Object tree, Class<T> type) {
        RecordBinder binder = new RecordBinder();
        Object value = binder.value(tree, type, "");
        return new Bound<>(type.cast(value), binder.problems);
    }

    private Object value(Object node, Type type, String path) {
        if (node == null) {
            return null;
        }
        Class<?> raw = rawClass(type);
        if (raw == Object.class) {
            return ScalarRules.plain(node);
        }
        if (raw == String.class) {
            return scalar(ScalarRules.string(node), node, path, "a string");
        }
        if (raw == Boolean.class) {
            return scalar(ScalarRules.bool(node), node, path, "true or false");
        }
        if (raw == Integer.class) {
            return scalar(ScalarRules.intValue(node), node, path, "an integer");
        }
        if (raw == Long.class) {
            return scalar(ScalarRules.longValue(node), node, path, "an integer");
        }
        if (raw == IntOrString.class) {
            return scalar(ScalarRules.intOrString(node), node, path, "an integer or a string");
        }
        if (raw == List.class) {
            return list(node, typeArgument(type, 0), path);
        }
        if (raw == Map.class) {
            return map(node, typeArgument(type, 1), path);
        }
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        throw new IllegalStateException("no binding rule for " + type + " at " + path);
    }

    private Object scalar(Object converted, Object node, String path, String expected) {
        if (converted == ScalarRules.REJECTED) {
            mismatch(path, expected, node);
            return null;
        }
        return converted;
    }

    private List<Object> list(Object node, Type itemType, String path) {
        if (!(node instanceof List<?> items)) {
            mismatch(path, "a list", node);
            return null;
        }
        List<Object> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            values.add(value(items.get(i), itemType, YamlPath.index(path, i)));
        }
        return java.util.Collections.unmodifiableList(values);
    }

    private Map<String, Object> map(Object node, Type valueType, String path) {
        if (!(node instanceof Map<?, ?> entries)) {
            mismatch(path, "a mapping", node);
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            String name = String.valueOf(key);
            values.put(name, value(value, valueType, YamlPath.key(path, name)));
        });
        return java.util.Collections.unmodifiableMap(values);
    }

    private Object record(Object node, Class<?> type, String path) {
        RecordShape shape = RecordShape.of(type);
        if (shape.isWholeValue()) {
            RecordShape.Slot only = shape.slots().getFirst();
            return construct(shape, new Object[] {value(node, only.type(), path)}, path);
        }
        if (!(node instanceof Map<?, ?> entries)) {
            mismatch(path, "a mapping", node);
            return null;
        }
        Set<String> used = new HashSet<>();
        Object record = fields(entries, shape, path, used);
        for (Object key : entries.keySet()) {
            if (!used.contains(String.valueOf(key))) {
                String name = String.valueOf(key);
                problems.add(Problem.at(YamlPath.key(path, name),
                        "unknown field '" + name + "'" + DidYouMean.hint(name, shape.keys())));
            }
        }
        return record;
    }

    private Object fields(Map<?, ?> entries, RecordShape shape, String path, Set<String> used) {
        List<RecordShape.Slot> slots = shape.slots();
        Object[] arguments = new Object[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            RecordShape.Slot slot = slots.get(i);
            arguments[i] = switch (slot.role()) {
                case FIELD -> {
                    if (!entries.containsKey(slot.key())) {
                        yield null;
                    }
                    used.add(slot.key());
                    yield value(entries.get(slot.key()), slot.type(), YamlPath.key(path, slot.key()));
                }
                case INLINE -> {
                    RecordShape inline = RecordShape.of(slot.rawType());
                    boolean present = shape.isVariant() || inline.keys().stream().anyMatch(entries::containsKey);
                    yield present ? fields(entries, inline, path, used) : null;
                }
                case ONE_OF -> oneOf(entries, shape, slot, path, used);
            };
        }
        return construct(shape, arguments, path);
    }

    private Object oneOf(Map<?, ?> entries, RecordShape owner, RecordShape.Slot slot, String path, Set<String> used) {
        List<String> keys = RecordShape.variantKeys(slot.rawType());
        List<String> present = keys.stream().filter(entries::containsKey).toList();
        used.addAll(present);
        String what = subject(owner.type());
        if (present.isEmpty()) {
            if (!slot.optional()) {
                problems.add(Problem.at(path, what + " has no kind: expected one of " + String.join(", ", keys)));
            }
            return null;
        }
        if (present.size() > 1) {
            problems.add(Problem.at(path, what + " has several kinds: " + String.join(", ", present)));
            return null;
        }
        String key = present.getFirst();
        Class<?> variant = RecordShape.variantFor(slot.rawType(), key);
        Object node = entries.get(key);
        RecordShape variantShape = RecordShape.of(variant);
        return record(node == null && !variantShape.isWholeValue() ? Map.of() : node, variant,
                YamlPath.key(path, key));
    }

    private Object construct(RecordShape shape, Object[] arguments, String path) {
        try {
            return shape.construct(arguments);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(Problem.at(path, "invalid " + subject(shape.type()) + ": " + e.getMessage()));
            return null;
        }
    }

    private void mismatch(String path, String expected, Object node) {
        problems.add(Problem.at(path, "expected " + expected + ", found " + ScalarRules.describe(node)));
    }

    /** "template" for TemplateSpec, "artifact" for ArtifactSpec: how messages name a record. */
    private static String subject(Class<?> type) {
        String name = type.getSimpleName().replaceFirst("Spec$", "");
        return name.isEmpty() ? "value" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported component type " + type);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            return arguments[Math.min(index, arguments.length - 1)];
        }
        return Object.class;
    }
}
