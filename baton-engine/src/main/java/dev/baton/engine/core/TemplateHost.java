package dev.baton.engine.core;

import dev.baton.model.spec.TemplateSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of templates a template name is resolved in: the workflow's own templates, or those of a
 * (cluster) workflow template reached through {@code templateRef}.
 *
 * @param scope     Argo's template scope string ({@code local/<wf>}, {@code namespaced/<name>}, …)
 * @param templates templates by name
 */
public record TemplateHost(String scope, Map<String, TemplateSpec> templates) {
    public static TemplateHost of(String scope, List<TemplateSpec> templates) {
        Map<String, TemplateSpec> byName = new LinkedHashMap<>();
        if (templates != null) {
            for (TemplateSpec t : templates) {
                byName.putIfAbsent(t.name(), t);
            }
        }
        return new TemplateHost(scope, Map.copyOf(byName));
    }

    public Optional<TemplateSpec> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }
}
