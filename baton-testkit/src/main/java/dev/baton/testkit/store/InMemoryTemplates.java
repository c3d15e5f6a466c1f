package dev.baton.testkit.store;

import dev.baton.spi.store.TemplateKind;
import dev.baton.spi.store.TemplateRecord;
import dev.baton.spi.store.TemplateStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Template revisions in memory. Each call is atomic. */
final class InMemoryTemplates implements TemplateStore {
    private final Map<String, TreeMap<Integer, TemplateRecord>> revisions = new HashMap<>();

    private static String key(TemplateKind kind, String namespace, String name) {
        return kind + "\u0000" + namespace + "\u0000" + name;
    }

    @Override
    public TemplateRecord put(TemplateKind kind, String namespace, String name, String yaml, Instant now) {
        synchronized (this) {
            TreeMap<Integer, TemplateRecord> all = revisions.computeIfAbsent(key(kind, namespace, name),
                    k -> new TreeMap<>());
            int revision = all.isEmpty() ? 1 : all.lastKey() + 1;
            TemplateRecord record = new TemplateRecord(namespace, kind, name, revision, yaml, InMemoryStore.micros(now));
            all.put(revision, record);
            return record;
        }
    }

    @Override
    public Optional<TemplateRecord> latest(TemplateKind kind, String namespace, String name) {
        synchronized (this) {
            TreeMap<Integer, TemplateRecord> all = revisions.get(key(kind, namespace, name));
            return all == null ? Optional.empty() : Optional.of(all.lastEntry().getValue());
        }
    }

    @Override
    public Optional<TemplateRecord> revision(TemplateKind kind, String namespace, String name, int revision) {
        synchronized (this) {
            TreeMap<Integer, TemplateRecord> all = revisions.get(key(kind, namespace, name));
            return all == null ? Optional.empty() : Optional.ofNullable(all.get(revision));
        }
    }

    @Override
    public List<TemplateRecord> listLatest(TemplateKind kind, String namespace) {
        synchronized (this) {
            return revisions.values().stream()
                    .map(all -> all.lastEntry().getValue())
                    .filter(t -> t.kind() == kind && t.namespace().equals(namespace))
                    .sorted(Comparator.comparing(TemplateRecord::name))
                    .toList();
        }
    }

    @Override
    public boolean delete(TemplateKind kind, String namespace, String name) {
        synchronized (this) {
            return revisions.remove(key(kind, namespace, name)) != null;
        }
    }
}
