package dev.baton.cron.service;

import dev.baton.cron.core.CronPlan;
import java.util.List;

/** What one tick did for one cron workflow. */
public sealed interface CronOutcome {

    String namespace();

    String name();

    /** The plan was decided and carried out. */
    record Applied(String namespace, String name, CronPlan plan) implements CronOutcome {
    }

    /** Another engine wrote this cron workflow's state first; it acts on it this time, this engine does nothing. */
    record Contended(String namespace, String name) implements CronOutcome {
    }

    /** The cron workflow cannot be scheduled as stored: each problem names its field. */
    record Unschedulable(String namespace, String name, List<String> problems) implements CronOutcome {
        public Unschedulable {
            problems = List.copyOf(problems);
        }
    }

    /** Starting, stopping, listing or deleting runs, or writing the store, failed; the next tick tries again. */
    record Failed(String namespace, String name, String message) implements CronOutcome {
    }
}
