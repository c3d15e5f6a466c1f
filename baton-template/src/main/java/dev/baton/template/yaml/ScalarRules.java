package dev.baton.template.yaml;

import dev.baton.model.spec.IntOrString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What each scalar component type accepts, from YAML scalars and from plain Java values alike.
 * Every method returns the converted value, or {@link #REJECTED} with the caller reporting the mismatch.
 */
final class ScalarRules {
    static final Object REJECTED = new Object();

    private ScalarRules() {
    }

    /** Strings take any scalar and keep its text as written ({@code 1} → "1", {@code yes} → "yes"). */
    static Object string(Object node) {
        return switch (node) {
            case YamlScalar scalar -> scalar.text();
            case String s -> s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> REJECTED;
        };
    }

    static Object bool(Object node) {
        return switch (node) {
            case YamlScalar scalar when scalar.kind() == YamlScalar.Kind.BOOLEAN -> scalar.value();
            case YamlScalar scalar -> boolText(scalar.text());
            case Boolean b -> b;
            case String s -> boolText(s);
            default -> REJECTED;
        };
    }

    private static Object boolText(String text) {
        return switch (text.trim()) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> REJECTED;
        };
    }

    static Object longValue(Object node) {
        OptionalLong value = switch (node) {
            case YamlScalar scalar when scalar.kind() == YamlScalar.Kind.INTEGER -> OptionalLong.of((Long) scalar.value());
            case YamlScalar scalar when scalar.kind() == YamlScalar.Kind.STRING -> IntegerText.parseDecimal(scalar.text());
            case Long l -> OptionalLong.of(l);
            case Integer i -> OptionalLong.of(i);
            case Short s -> OptionalLong.of(s);
            case Double d when d == Math.rint(d) && Math.abs(d) < 9e18 -> OptionalLong.of(d.longValue());
            case String s -> IntegerText.parseDecimal(s);
            default -> OptionalLong.empty();
        };
        return value.isPresent() ? (Object) value.getAsLong() : REJECTED;
    }

    static Object intValue(Object node) {
        Object value = longValue(node);
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return REJECTED;
    }

    /** Integers stay numeric; any other scalar is kept as text. */
    static Object intOrString(Object node) {
        return switch (node) {
            case YamlScalar scalar when scalar.kind() == YamlScalar.Kind.INTEGER -> IntOrString.of((Long) scalar.value());
            case YamlScalar scalar -> IntOrString.of(scalar.text());
            case Long l -> IntOrString.of(l);
            case Integer i -> IntOrString.of(i);
            case Double d when d == Math.rint(d) && Math.abs(d) < 9e18 -> IntOrString.of(d.longValue());
            case Number n -> IntOrString.of(n.toString());
            case String s -> IntOrString.of(s);
            case Boolean b -> IntOrString.of(b.toString());
            case IntOrString ios -> ios;
            default -> REJECTED;
        };
    }

    /** Free-form values: YAML scalars become their typed values, maps and lists are copied. */
    static Object plain(Object node) {
        return switch (node) {
            case null -> null;
            case YamlScalar scalar -> scalar.value();
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(plain(item)));
                yield copy;
            }
            case Integer i -> i.longValue();
            default -> node;
        };
    }

    /** How a node is described in "expected …, found …" messages. */
    static String describe(Object node) {
        return switch (node) {
            case null -> "nothing";
            case Map<?, ?> map -> "a mapping";
            case List<?> list -> "a list";
            case YamlScalar scalar -> quote(scalar.text());
            case String s -> quote(s);
            default -> quote(String.valueOf(node));
        };
    }

    private static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "'" + shown + "'";
    }
}
