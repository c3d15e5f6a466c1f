package dev.baton.cron.core;

import dev.baton.model.run.WorkflowPhase;
import java.time.Instant;
import java.util.Objects;

/** A run a cron workflow started, as the scheduler needs to see it; {@code finishedAt} is null while it runs. */
public record RunInfo(String name, WorkflowPhase phase, Instant finishedAt) {

    public RunInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
    }
}
