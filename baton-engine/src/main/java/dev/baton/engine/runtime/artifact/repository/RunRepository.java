package dev.baton.engine.runtime.artifact.repository;

/** The artifact repository a run uses for key-only artifacts and exported outputs. */
public sealed interface RunRepository {

    /**
     * @param exportAll whether every output is written to it (a configured repository), or only outputs with an
     *                  explicit {@code s3} location (the built-in default, so large outputs are not kept twice)
     */
    record Ready(RepositorySpec spec, boolean exportAll) implements RunRepository {
    }

    /** No repository at all (engines embedded without one): key-only artifacts fail, other steps run. */
    record NotConfigured() implements RunRepository {
    }

    /** The workflow names a repository that is not configured: every step that needs one Errors with the message. */
    record Missing(String message) implements RunRepository {
    }
}
