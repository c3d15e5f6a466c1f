package dev.baton.engine.core.invoke;

import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a template's input parameter values: the caller's argument wins over the template's
 * {@code value}, which wins over its {@code default}; {@code enum} restricts the result.
 */
public final class InputBinder {
    private InputBinder() {
    }

    /** The values by name, or the reason they could not be decided. */
    public record Binding(Map<String, String> values, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    public static Binding bind(TemplateSpec template, List<ParameterSpec> arguments) {
        Map<String, String> supplied = new LinkedHashMap<>();
        for (ParameterSpec argument : arguments) {
            if (argument.value() != null) {
                supplied.put(argument.name(), argument.value());
            } else if (argument.defaultValue() != null) {
                supplied.putIfAbsent(argument.name(), argument.defaultValue());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec input : template.inputsOrEmpty().parametersOrEmpty()) {
            String value = supplied.containsKey(input.name()) ? supplied.get(input.name())
                    : input.value() != null ? input.value()
                    : input.defaultValue();
            if (value == null) {
                return new Binding(values, "inputs.parameters." + input.name() + " was not supplied");
            }
            if (input.enumValues() != null && !input.enumValues().isEmpty() && !input.enumValues().contains(value)) {
                return new Binding(values, "inputs.parameters." + input.name() + " value '" + value
                        + "' is not one of " + input.enumValues());
            }
            values.put(input.name(), value);
        }
        return new Binding(values, null);
    }
}
