package dev.baton.testkit.store;

import dev.baton.spi.store.CronRecord;
import dev.baton.spi.store.CronStatus;
import dev.baton.spi.store.CronStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cron workflows in memory. Each call is atomic. */
final class InMemoryCrons implements CronStore {
    private final Map<String, CronRecord> crons = new HashMap<>();

    @Override
    public CronRecord put(CronRecord cron) {
        synchronized (this) {
            CronRecord old = crons.get(InMemoryStore.nameKey(cron.namespace(), cron.name()));
            CronRecord stored = old == null
                    ? new CronRecord(cron.namespace(), cron.name(), cron.yaml(), cron.suspended(),
                            InMemoryStore.micros(cron.lastScheduledTime()), InMemoryStore.micros(cron.createdAt()),
                            cron.status(), cron.statusVersion())
                    : new CronRecord(cron.namespace(), cron.name(), cron.yaml(), cron.suspended(),
                            old.lastScheduledTime(), old.createdAt(), old.status(), old.statusVersion());
            crons.put(InMemoryStore.nameKey(cron.namespace(), cron.name()), stored);
            return stored;
        }
    }

    @Override
    public Optional<CronRecord> get(String namespace, String name) {
        synchronized (this) {
            return Optional.ofNullable(crons.get(InMemoryStore.nameKey(namespace, name)));
        }
    }

    @Override
    public List<CronRecord> list(String namespace) {
        synchronized (this) {
            return crons.values().stream()
                    .filter(c -> namespace == null || c.namespace().equals(namespace))
                    .sorted(Comparator.comparing(CronRecord::namespace).thenComparing(CronRecord::name))
                    .toList();
        }
    }

    @Override
    public boolean delete(String namespace, String name) {
        synchronized (this) {
            return crons.remove(InMemoryStore.nameKey(namespace, name)) != null;
        }
    }

    @Override
    public boolean updateLastScheduled(String namespace, String name, Instant lastScheduledTime) {
        synchronized (this) {
            CronRecord c = crons.get(InMemoryStore.nameKey(namespace, name));
            if (c == null) {
                return false;
            }
            crons.put(InMemoryStore.nameKey(namespace, name), new CronRecord(c.namespace(), c.name(), c.yaml(),
                    c.suspended(), InMemoryStore.micros(lastScheduledTime), c.createdAt(), c.status(),
                    c.statusVersion()));
            return true;
        }
    }

    @Override
    public boolean updateStatus(String namespace, String name, long expectedVersion, Instant lastScheduledTime,
                                CronStatus status) {
        synchronized (this) {
            CronRecord c = crons.get(InMemoryStore.nameKey(namespace, name));
            if (c == null || c.statusVersion() != expectedVersion) {
                return false;
            }
            crons.put(InMemoryStore.nameKey(namespace, name), new CronRecord(c.namespace(), c.name(), c.yaml(),
                    c.suspended(), InMemoryStore.micros(lastScheduledTime), c.createdAt(), status,
                    expectedVersion + 1));
            return true;
        }
    }
}
