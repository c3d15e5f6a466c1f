package dev.baton.cron.core;

/** Why a scheduled time did not start a run. */
public enum SkipReason {
    /** The cron workflow is suspended. */
    SUSPENDED,
    /** Its {@code stopStrategy.expression} held; it schedules nothing any more. */
    STOPPED,
    /** The time was noticed too late: the engine was not running, and it is past {@code startingDeadlineSeconds}. */
    MISSED,
    /** Its {@code when} condition was false. */
    WHEN_FALSE,
    /** {@code concurrencyPolicy: Forbid} and a run it started is still going. */
    FORBIDDEN
}
