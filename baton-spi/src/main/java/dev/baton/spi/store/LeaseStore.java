package dev.baton.spi.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ownership of runs by engine instances. A lease expires unless renewed; each acquisition increments the
 * run's generation, which fences every later write of an earlier owner ({@link RunLog#commit}).
 */
public interface LeaseStore {

    /**
     * Takes the run when it is unowned or its lease has expired at {@code now}, incrementing its generation;
     * empty when it is held by an unexpired lease (whoever the owner) or there is no such run.
     */
    Optional<Lease> acquire(String runUid, String owner, Duration ttl, Instant now);

    /**
     * Claims up to {@code limit} unfinished runs that nobody holds (or whose lease expired), highest priority
     * then oldest first; concurrent callers never claim the same run.
     */
    List<Lease> acquireUnfinished(String owner, int limit, Duration ttl, Instant now);

    /** Who holds the run by a lease unexpired at {@code now}; empty when nobody does or there is no such run. */
    Optional<String> holder(String runUid, Instant now);

    /**
     * Takes the run from {@code holder} before its lease expires, incrementing the generation (which fences
     * every later write of {@code holder}); for a caller that has established that {@code holder} is gone (its
     * process died). Empty when the run is no longer held by exactly {@code holder}: it was released, expired
     * and taken, or taken over by someone else first.
     */
    Optional<Lease> takeOver(String runUid, String holder, String owner, Duration ttl, Instant now);

    /** Extends a lease still current (even if expired, as long as nobody took over); else {@link FencedException}. */
    Lease renew(Lease lease, Duration ttl, Instant now);

    /** Gives the run up; does nothing if the lease is no longer current. */
    void release(Lease lease);
}
