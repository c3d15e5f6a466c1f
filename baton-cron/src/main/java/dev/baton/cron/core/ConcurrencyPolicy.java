package dev.baton.cron.core;

/** What a cron workflow does when a scheduled time comes while a run it started is still going. */
public enum ConcurrencyPolicy {
    /** Start the new run beside the old ones. */
    Allow,
    /** Skip the scheduled time. */
    Forbid,
    /** Stop the runs still going, then start the new one. */
    Replace
}
