package dev.baton.engine.core.loop;

import dev.baton.engine.core.scope.JsonText;
import dev.baton.engine.core.scope.Scope;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One expanded item of {@code withItems}, {@code withParam} or {@code withSequence}. */
public record LoopItem(int index, Object value) {

    /** The node name suffix Argo gives the item: {@code (index:description)}. */
    public String suffix() {
        return "(" + index + ":" + description() + ")";
    }

    /** The item as Argo describes it in node names: maps as sorted {@code key:value} pairs, no parentheses. */
    public String description() {
        String text;
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(e.getKey()).append(':').append(JsonText.format(e.getValue()));
            }
            text = sb.toString();
        } else {
            text = JsonText.format(value);
        }
        return text.replace("(", "").replace(")", "");
    }

    /** Adds {@code item} and {@code item.<key>} to a scope. */
    public Scope bind(Scope scope) {
        scope.put("item", JsonText.format(value));
        if (value instanceof Map<?, ?> map) {
            putKeys(scope, "item", map);
        }
        return scope;
    }

    private static void putKeys(Scope scope, String prefix, Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = prefix + "." + e.getKey();
            scope.put(name, JsonText.format(e.getValue()));
            if (e.getValue() instanceof Map<?, ?> nested) {
                putKeys(scope, name, nested);
            }
        }
    }

    public static List<LoopItem> of(List<?> values) {
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> new LoopItem(i, values.get(i)))
                .toList();
    }
}
