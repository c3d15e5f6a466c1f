package dev.baton.cron.schedule;

import java.util.List;

/** A cron workflow that cannot be scheduled; each problem names the field it is about. */
public final class CronSpecException extends RuntimeException {
    private final List<String> problems;

    public CronSpecException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each starting with its field path, e.g. {@code spec.timezone: unknown time zone ...}. */
    public List<String> problems() {
        return problems;
    }
}
