package dev.baton.template.validate;

import dev.baton.model.spec.TemplateSpec;
import dev.baton.model.spec.WorkflowSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks templates up by name in a workflow spec. */
final class Templates {
    private Templates() {
    }

    static Optional<TemplateSpec> named(WorkflowSpec spec, String name) {
        return Optional.ofNullable(byName(spec).get(name));
    }

    /** Templates by name; the first of two equal names wins (the duplicate is reported elsewhere). */
    static Map<String, TemplateSpec> byName(WorkflowSpec spec) {
        Map<String, TemplateSpec> byName = new LinkedHashMap<>();
        List<TemplateSpec> templates = spec == null || spec.templates() == null ? List.of() : spec.templates();
        for (TemplateSpec template : templates) {
            if (template != null && template.name() != null) {
                byName.putIfAbsent(template.name(), template);
            }
        }
        return byName;
    }
}
