package dev.baton.template.validate;

import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.Manifest;
import dev.baton.model.spec.TemplateRef;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.model.spec.WorkflowTemplate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The WorkflowTemplates and ClusterWorkflowTemplates that {@code templateRef} and {@code workflowTemplateRef} can name. */
public final class TemplateLibrary {
    private final Map<String, WorkflowSpec> namespaced;
    private final Map<String, WorkflowSpec> cluster;

    private TemplateLibrary(Map<String, WorkflowSpec> namespaced, Map<String, WorkflowSpec> cluster) {
        this.namespaced = namespaced;
        this.cluster = cluster;
    }

    public static TemplateLibrary empty() {
        return new TemplateLibrary(Map.of(), Map.of());
    }

    /** The templates among {@code manifests}; other kinds are ignored, the first of two equal names wins. */
    public static TemplateLibrary of(Collection<? extends Manifest> manifests) {
        Map<String, WorkflowSpec> namespaced = new LinkedHashMap<>();
        Map<String, WorkflowSpec> cluster = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            switch (manifest) {
                case WorkflowTemplate t when named(t) && t.spec() != null ->
                        namespaced.putIfAbsent(t.metadata().name(), t.spec());
                case ClusterWorkflowTemplate t when named(t) && t.spec() != null ->
                        cluster.putIfAbsent(t.metadata().name(), t.spec());
                default -> {
                }
            }
        }
        return new TemplateLibrary(namespaced, cluster);
    }

    private static boolean named(Manifest manifest) {
        return manifest.metadata() != null && manifest.metadata().name() != null;
    }

    public Optional<WorkflowSpec> find(String name, boolean clusterScope) {
        return Optional.ofNullable((clusterScope ? cluster : namespaced).get(name));
    }

    /** The template a {@code templateRef} names, when both the library entry and the template exist. */
    public Optional<TemplateSpec> template(TemplateRef ref) {
        if (ref == null || ref.name() == null || ref.template() == null) {
            return Optional.empty();
        }
        return find(ref.name(), ref.isClusterScope()).flatMap(spec -> Templates.named(spec, ref.template()));
    }

    public Set<String> names(boolean clusterScope) {
        return (clusterScope ? cluster : namespaced).keySet();
    }

    static String kindName(boolean clusterScope) {
        return clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
    }
}
