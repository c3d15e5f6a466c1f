package dev.baton.testkit.artifact;

/** What a store's test can do to the store; the contract skips, visibly, the checks a store's test cannot make. */
public enum ArtifactStoreCapability {
    /** The test's {@code corrupt} hook can damage a stored blob, so corruption detection can be checked. */
    CORRUPTION_CAN_BE_INJECTED,
    /** {@code localFile} returns files with POSIX permissions that allow nobody to write (0444). */
    READ_ONLY_LOCAL_FILES
}
