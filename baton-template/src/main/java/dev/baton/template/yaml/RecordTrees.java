package dev.baton.template.yaml;

import dev.baton.model.binding.Variant;
import dev.baton.model.spec.IntOrString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Converts model records to plain trees with Argo's key names (absent values omitted, empty lists
 * kept) and back, so code can rewrite a record as data (e.g. substitute its strings) and re-bind it.
 */
public final class RecordTrees {
    private RecordTrees() {
    }

    /** Maps, lists, Strings, Longs, Integers, Doubles and Booleans in Argo's shape. */
    public static Object toTree(Object value) {
        return switch (value) {
            case null -> null;
            case IntOrString ios -> intOrString(ios);
            case YamlScalar scalar -> scalar.value();
            case Record record -> record(record);
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(toTree(item)));
                yield items;
            }
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(String.valueOf(k), toTree(v)));
                yield entries;
            }
            default -> value;
        };
    }

    /** Binds a tree into {@code type}; throws {@link IllegalArgumentException} listing every problem. */
    public static <T> T fromTree(Object tree, Class<T> type) {
        Bound<T> bound = RecordBinder.bind(tree, type);
        if (!bound.ok()) {
            throw new IllegalArgumentException(bound.problems().stream()
                    .map(p -> p.path().isEmpty() ? p.message() : p.path() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        return bound.value();
    }

    /** Binds a tree into {@code type}, returning the value with every problem found. */
    public static <T> Bound<T> bind(Object tree, Class<T> type) {
        return RecordBinder.bind(tree, type);
    }

    private static Object intOrString(IntOrString value) {
        if (value.numeric()) {
            OptionalLong number = value.asLong();
            if (number.isPresent()) {
                return number.getAsLong();
            }
        }
        return value.text();
    }

    private static Object record(Record record) {
        RecordShape shape = RecordShape.of(record.getClass());
        if (shape.isWholeValue()) {
            return toTree(shape.read(shape.slots().getFirst(), record));
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        fields(record, shape, entries);
        return entries;
    }

    private static void fields(Record record, RecordShape shape, Map<String, Object> entries) {
        for (RecordShape.Slot slot : shape.slots()) {
            Object value = shape.read(slot, record);
            if (value == null) {
                continue;
            }
            switch (slot.role()) {
                case FIELD -> entries.put(slot.key(), toTree(value));
                case INLINE -> fields((Record) value, RecordShape.of(value.getClass()), entries);
                case ONE_OF -> entries.put(value.getClass().getAnnotation(Variant.class).value(), toTree(value));
            }
        }
    }
}
