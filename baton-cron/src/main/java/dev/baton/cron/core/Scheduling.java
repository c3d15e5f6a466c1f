package dev.baton.cron.core;

import java.time.Instant;
import java.util.List;

/** What to do about a cron workflow's schedule at one tick. */
public sealed interface Scheduling {

    /** Start the run {@code runName} for the scheduled time. */
    record Start(Instant scheduledTime, String runName) implements Scheduling {
    }

    /** Stop the runs still going ({@code concurrencyPolicy: Replace}), then start {@code runName}. */
    record Replace(List<String> stop, Instant scheduledTime, String runName) implements Scheduling {
        public Replace {
            stop = List.copyOf(stop);
        }
    }

    /** A scheduled time came but starts nothing. */
    record Skip(Instant scheduledTime, SkipReason reason, String message) implements Scheduling {
    }

    /** No scheduled time is due. */
    record Idle() implements Scheduling {
    }

    /** The cron workflow cannot be scheduled as written (its {@code when} or stop expression fails). */
    record Invalid(String message) implements Scheduling {
    }
}
