package dev.baton.engine.core.invoke;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * Reads and rebuilds records of one class through method handles looked up once per class:
 * reflection's per-call accessor objects are far too slow for the scheduler's hot path.
 */
public final class RecordAccess {
    private static final ClassValue<RecordAccess> BY_CLASS = new ClassValue<>() {
        @Override
        protected RecordAccess computeValue(Class<?> type) {
            return new RecordAccess(type);
        }
    };

    private final MethodHandle[] getters;
    private final MethodHandle constructor;

    private RecordAccess(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        getters = new MethodHandle[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                getters[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
                types[i] = components[i].getType();
            }
            var ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            constructor = lookup.unreflectConstructor(ctor)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot access record " + type.getName(), e);
        }
    }

    public static RecordAccess of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    public int size() {
        return getters.length;
    }

    public Object get(Object record, int index) {
        try {
            return getters[index].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public Object create(Object[] values) {
        try {
            return constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
