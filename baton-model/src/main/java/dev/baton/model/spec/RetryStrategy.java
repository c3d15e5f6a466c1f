package dev.baton.model.spec;

/** How often and when a failed node is tried again. */
public record RetryStrategy(IntOrString limit, String retryPolicy, Backoff backoff, Object affinity,
                            String expression) {

    /** The wait between attempts. */
    public record Backoff(IntOrString duration, IntOrString factor, String maxDuration, String cap) {
    }
}
