package dev.baton.engine.core;

import dev.baton.model.spec.ContainerSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;

import dev.baton.engine.core.invoke.RecordAccess;

/** Merges {@code spec.templateDefaults} under a template: the template's own fields win. */
final class TemplateDefaults {
    private TemplateDefaults() {
    }

    static TemplateSpec apply(RunState state, TemplateSpec template) {
        TemplateSpec defaults = state.context().spec().templateDefaults();
        if (defaults == null) {
            return template;
        }
        TemplateSpec merged = fillNulls(template, defaults);
        TemplateKind kind = mergeKind(template.kind(), defaults.kind());
        return merged.withKind(kind);
    }

    private static TemplateKind mergeKind(TemplateKind own, TemplateKind defaults) {
        if (own == null) {
            return defaults;
        }
        ContainerSpec defaultContainer = switch (defaults) {
            case TemplateKind.Container c -> c.container();
            case TemplateKind.Script s -> s.container();
            case null, default -> null;
        };
        if (defaultContainer == null) {
            return own;
        }
        return switch (own) {
            case TemplateKind.Container c -> new TemplateKind.Container(fillNulls(c.container(), defaultContainer));
            case TemplateKind.Script s -> new TemplateKind.Script(fillNulls(s.container(), defaultContainer), s.source());
            default -> own;
        };
    }

    @SuppressWarnings("unchecked")
    static <T extends Record> T fillNulls(T own, T defaults) {
        if (own == null) {
            return defaults;
        }
        if (defaults == null) {
            return own;
        }
        RecordAccess access = RecordAccess.of(own.getClass());
        Object[] values = new Object[access.size()];
        for (int i = 0; i < values.length; i++) {
            Object mine = access.get(own, i);
            values[i] = mine != null ? mine : access.get(defaults, i);
        }
        return (T) access.create(values);
    }
}
