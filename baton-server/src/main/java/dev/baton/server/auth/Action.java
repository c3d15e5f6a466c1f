package dev.baton.server.auth;

/** What a request does, as the role matrix sees it. */
public enum Action {
    /** Reads runs, logs, artifacts, templates, cron workflows and events. */
    READ,
    /** Submits, controls or deletes runs; creates, updates or deletes templates and cron workflows. */
    WRITE,
    /** Changes what every namespace shares (cluster workflow templates). */
    ADMIN
}
