package dev.baton.model.spec;

import dev.baton.model.binding.YamlName;

import java.util.List;

/** A named string value: an input, an output or an argument. */
public record ParameterSpec(
        String name,
        String value,
        @YamlName("default") String defaultValue,
        @YamlName("enum") List<String> enumValues,
        String description,
        ValueFrom valueFrom,
        String globalName) {

    public static ParameterSpec of(String name, String value) {
        return new ParameterSpec(name, value, null, null, null, null, null);
    }

    public ParameterSpec withValue(String newValue) {
        return new ParameterSpec(name, newValue, defaultValue, enumValues, description, valueFrom, globalName);
    }

    /** Where an output (or a supplied input) value comes from. */
    public record ValueFrom(
            String path,
            String jsonPath,
            String jqFilter,
            String event,
            String parameter,
            Object supplied,
            Object configMapKeyRef,
            @YamlName("default") String defaultValue,
            String expression) {
    }
}
