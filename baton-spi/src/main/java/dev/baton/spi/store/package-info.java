/**
 * The persistence port: runs with their event log, nodes and outbox, leases with fencing, templates, cron
 * workflows, the artifact and log index, the memoization cache and synchronization locks.
 *
 * <p>Conventions every implementation keeps: instants are stored with microsecond precision (finer parts are
 * truncated); JSON and YAML are opaque text returned exactly as given; a run is <em>finished</em> when its
 * {@code finishedAt} is set; infrastructure failures are {@link dev.baton.spi.store.StoreException}s.
 */
package dev.baton.spi.store;
