package dev.baton.driver.process;

/** How a host driver keeps the declared paths of one attempt away from other attempts and the host. */
public enum Isolation {
    /** A private mount and PID namespace built with util-linux {@code unshare} and {@code mount}. */
    NAMESPACE,
    /** The same private view built by bubblewrap, for hosts where {@code unshare} is refused. */
    BUBBLEWRAP,
    /** No private view: declared absolute paths are the host's own paths. */
    NONE
}
