package dev.baton.template.yaml;

import org.yaml.snakeyaml.nodes.Tag;

import java.util.Locale;
import java.util.OptionalLong;

/** Gives a YAML scalar its typed value from the tag YAML's resolver chose (int, float, bool, null, string). */
final class ScalarValues {
    private ScalarValues() {
    }

    /** The scalar, or null for YAML's null. */
    static YamlScalar of(String text, Tag tag) {
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return new YamlScalar(text, isTrue(text), YamlScalar.Kind.BOOLEAN);
        }
        if (tag.equals(Tag.INT)) {
            OptionalLong value = IntegerText.parseYaml(text);
            return value.isPresent()
                    ? new YamlScalar(text, value.getAsLong(), YamlScalar.Kind.INTEGER)
                    : YamlScalar.string(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            Double value = floatValue(text);
            return value == null ? YamlScalar.string(text) : new YamlScalar(text, value, YamlScalar.Kind.FLOAT);
        }
        return YamlScalar.string(text);
    }

    private static boolean isTrue(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> true;
            default -> false;
        };
    }

    private static Double floatValue(String text) {
        String s = text.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (s) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }
}
