package dev.baton.spi.store;

import java.util.List;
import java.util.Objects;

/**
 * What a cron workflow's scheduler remembers besides its last scheduled time, as Argo keeps it in the
 * CronWorkflow's {@code status}: the runs it started that have not finished, how many of its runs succeeded and
 * failed, and whether its {@code stopStrategy} has stopped it.
 */
public record CronStatus(List<String> active, long succeeded, long failed, boolean stopped) {

    /** The status of a cron workflow that never ran. */
    public static final CronStatus NONE = new CronStatus(List.of(), 0, 0, false);

    public CronStatus {
        active = List.copyOf(Objects.requireNonNull(active, "active"));
        if (succeeded < 0 || failed < 0) {
            throw new IllegalArgumentException("succeeded and failed counts cannot be negative");
        }
    }
}
