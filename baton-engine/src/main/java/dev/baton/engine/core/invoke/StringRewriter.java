package dev.baton.engine.core.invoke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rebuilds a record tree with every string passed through a function: how {@code {{…}}} tags are
 * substituted in templates, steps and tasks (Argo substitutes the JSON text of the object; applying the
 * replacement string by string is equivalent and keeps values from injecting structure).
 */
public final class StringRewriter {

    private StringRewriter() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T rewrite(T value, UnaryOperator<String> function) {
        return (T) visit(value, function);
    }

    private static Object visit(Object value, UnaryOperator<String> function) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.indexOf("{{") < 0 ? s : function.apply(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object item : list) {
                Object rewritten = visit(item, function);
                changed |= rewritten != item;
                out.add(rewritten);
            }
            return changed ? out : list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object rewritten = visit(e.getValue(), function);
                changed |= rewritten != e.getValue();
                out.put(e.getKey(), rewritten);
            }
            return changed ? out : map;
        }
        if (value instanceof Record record) {
            return rewriteRecord(record, function);
        }
        return value;
    }

    private static Object rewriteRecord(Record record, UnaryOperator<String> function) {
        RecordAccess access = RecordAccess.of(record.getClass());
        Object[] values = null;
        for (int i = 0; i < access.size(); i++) {
            Object original = access.get(record, i);
            Object rewritten = visit(original, function);
            if (rewritten != original && values == null) {
                values = new Object[access.size()];
                for (int j = 0; j < i; j++) {
                    values[j] = access.get(record, j);
                }
            }
            if (values != null) {
                values[i] = rewritten;
            }
        }
        return values == null ? record : access.create(values);
    }
}
