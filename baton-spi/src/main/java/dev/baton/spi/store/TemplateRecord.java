package dev.baton.spi.store;

import java.time.Instant;

/**
 * One revision of a template (revisions count 1, 2, 3, … per name).
 *
 * @param namespace the namespace; by convention "" for cluster templates
 */
public record TemplateRecord(
        String namespace, TemplateKind kind, String name, int revision, String yaml, Instant createdAt) {
}
