package dev.baton.model.spec;

/** A template of a (cluster) workflow template. */
public record TemplateRef(String name, String template, Boolean clusterScope) {
    public boolean isClusterScope() {
        return Boolean.TRUE.equals(clusterScope);
    }
}
