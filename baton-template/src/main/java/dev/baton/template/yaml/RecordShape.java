package dev.baton.template.yaml;

import dev.baton.model.binding.Inline;
import dev.baton.model.binding.OneOf;
import dev.baton.model.binding.Variant;
import dev.baton.model.binding.WholeValue;
import dev.baton.model.binding.YamlName;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** How a model record maps to YAML: its components' keys and roles, read once from the annotations. */
final class RecordShape {
    /** The role of one component in the YAML mapping. */
    enum Role { FIELD, INLINE, ONE_OF }

    /** One record component as the binder sees it. */
    record Slot(String name, String key, Role role, Type type, Class<?> rawType, boolean optional,
                RecordComponent component) {
    }

    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final List<Slot> slots;
    private final Constructor<?> constructor;
    private final boolean wholeValue;
    private final boolean variant;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        List<Slot> list = new ArrayList<>();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            component.getAccessor().setAccessible(true);
            YamlName yamlName = component.getAnnotation(YamlName.class);
            OneOf oneOf = component.getAnnotation(OneOf.class);
            Role role = component.isAnnotationPresent(Inline.class) ? Role.INLINE
                    : oneOf != null ? Role.ONE_OF : Role.FIELD;
            list.add(new Slot(component.getName(), yamlName == null ? component.getName() : yamlName.value(), role,
                    component.getGenericType(), component.getType(), oneOf != null && oneOf.optional(), component));
        }
        this.slots = List.copyOf(list);
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record without canonical constructor: " + type, e);
        }
        this.wholeValue = type.isAnnotationPresent(WholeValue.class);
        this.variant = type.isAnnotationPresent(Variant.class);
    }

    static RecordShape of(Class<?> type) {
        return SHAPES.computeIfAbsent(type, RecordShape::new);
    }

    Class<?> type() {
        return type;
    }

    List<Slot> slots() {
        return slots;
    }

    boolean isWholeValue() {
        return wholeValue;
    }

    boolean isVariant() {
        return variant;
    }

    /** Every key this record accepts in its mapping, including inline and variant keys. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Slot slot : slots) {
            switch (slot.role()) {
                case FIELD -> keys.add(slot.key());
                case INLINE -> keys.addAll(of(slot.rawType()).keys());
                case ONE_OF -> keys.addAll(variantKeys(slot.rawType()));
            }
        }
        return keys;
    }

    static List<String> variantKeys(Class<?> sealedType) {
        List<String> keys = new ArrayList<>();
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            keys.add(permitted.getAnnotation(Variant.class).value());
        }
        return keys;
    }

    static Class<?> variantFor(Class<?> sealedType, String key) {
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            if (permitted.getAnnotation(Variant.class).value().equals(key)) {
                return permitted;
            }
        }
        return null;
    }

    Object construct(Object[] arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    Object read(Slot slot, Object record) {
        try {
            return slot.component().getAccessor().invoke(record);
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
