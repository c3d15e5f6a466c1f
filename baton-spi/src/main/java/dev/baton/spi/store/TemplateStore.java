package dev.baton.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Templates with their full history: every put stores a new revision. */
public interface TemplateStore {

    /** Stores {@code yaml} as the next revision of the named template and returns it. */
    TemplateRecord put(TemplateKind kind, String namespace, String name, String yaml, Instant now);

    Optional<TemplateRecord> latest(TemplateKind kind, String namespace, String name);

    Optional<TemplateRecord> revision(TemplateKind kind, String namespace, String name, int revision);

    /** The latest revision of every template of this kind in the namespace, ordered by name. */
    List<TemplateRecord> listLatest(TemplateKind kind, String namespace);

    /** Deletes every revision; false if there was none. */
    boolean delete(TemplateKind kind, String namespace, String name);
}
